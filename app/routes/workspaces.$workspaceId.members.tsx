import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, Notice, SelectField } from "~/components/forms";
import { groupByRole, MemberLabel, roleOptions } from "~/components/members";
import { can } from "~/domain/permissions";
import { ROLE_LABELS } from "~/domain/roles";
import { InvitationCreateSchema, InvitationIdSchema, MemberRoleSchema, MembershipIdSchema } from "~/domain/validation";
import { createInvitation, InvitationError, listPendingInvitations, revokeInvitation } from "~/models/invitation.server";
import {
  changeMemberRole,
  listMembers,
  MembershipRuleError,
  removeMember,
  setLeadCommissioner,
} from "~/models/membership.server";
import { readForm } from "~/utils/csrf.server";
import { echoable, invalid, parseForm } from "~/utils/forms.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership } = await requireWorkspaceMember(request, params.workspaceId, "read:members");
  const canManage = can(membership.role, "manage:members");
  const members = await listMembers({ workspaceId: workspace.id, includeEmails: can(membership.role, "read:member-emails") });
  const invitations = can(membership.role, "read:invitations") ? await listPendingInvitations(workspace.id) : [];
  return { workspaceId: workspace.id, myMembershipId: membership.id, canManage, members, invitations };
}

type Done = { ok: true; intent: string; message: string; inviteLink?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const permission = intent === "invite" ? "create:invitations" : "manage:members";
  const { workspace, user } = await requireWorkspaceMember(request, params.workspaceId, permission);
  const done = (message: string, extra: Partial<Done> = {}) => data<Done>({ ok: true, intent, message, ...extra });
  try {
    switch (intent) {
      case "invite": {
        const form = parseForm(formData, InvitationCreateSchema);
        if (!form.ok) return invalid(form, intent);
        const { token, invitation } = await createInvitation({ ...form.data, workspaceId: workspace.id, invitedById: user.id });
        const inviteLink = `${new URL(request.url).origin}/invitations/${token}`;
        const { name, organisationName, role } = form.data;
        const who = name ? `${name} (${invitation.email})` : invitation.email;
        const org = organisationName ? `, from ${organisationName}` : ", with no organisation given";
        return done(`Invited ${who} as ${ROLE_LABELS[role]}${org}. Send them this link; it works once and expires in 14 days.`, { inviteLink });
      }
      case "change-role": {
        const form = parseForm(formData, MemberRoleSchema);
        if (!form.ok) return invalid(form, intent);
        await changeMemberRole({ workspaceId: workspace.id, ...form.data, by: user });
        return done(`Role changed to ${ROLE_LABELS[form.data.role]}.`);
      }
      case "set-lead": {
        const form = parseForm(formData, MembershipIdSchema);
        if (!form.ok) return invalid(form, intent);
        await setLeadCommissioner({ workspaceId: workspace.id, membershipId: form.data.membershipId, by: user });
        return done("Lead commissioner changed.");
      }
      case "remove": {
        const form = parseForm(formData, MembershipIdSchema);
        if (!form.ok) return invalid(form, intent);
        await removeMember({ workspaceId: workspace.id, membershipId: form.data.membershipId, by: user });
        return done("Member removed.");
      }
      case "revoke-invitation": {
        const form = parseForm(formData, InvitationIdSchema);
        if (!form.ok) return invalid(form, intent);
        await revokeInvitation({ workspaceId: workspace.id, invitationId: form.data.invitationId, by: user });
        return done("Invitation withdrawn.");
      }
      default:
        return invalid({ formErrors: ["Unknown action. Reload the page and try again."] }, intent);
    }
  } catch (error) {
    if (error instanceof MembershipRuleError || error instanceof InvitationError) {
      return intent === "invite"
        ? invalid({ errors: { email: [error.message] }, values: echoable(formData) }, intent)
        : invalid({ formErrors: [error.message] }, intent);
    }
    throw error;
  }
}

export default function Members() {
  const { members, invitations, canManage, myMembershipId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const inviteFailure = result && !result.ok && result.intent === "invite" ? result : undefined;
  const inviteErrors = inviteFailure?.errors;
  const inviteValues = inviteFailure?.values;
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <section aria-labelledby="member-list-heading" className="lg:col-span-2">
        <h2 id="member-list-heading" className="text-xl font-semibold">Members ({members.length})</h2>
        {result?.ok ? (
          <Notice>
            <p>{result.message}</p>
            {result.inviteLink ? (
              <p className="mt-2 break-all">
                <label htmlFor="invite-link" className="block font-medium">Invitation link</label>
                <input id="invite-link" readOnly value={result.inviteLink} className="mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-sm" />
              </p>
            ) : null}
          </Notice>
        ) : null}
        {result && !result.ok && result.intent !== "invite" ? <FormErrors errors={result.formErrors} /> : null}
        {groupByRole(members).map((group) => (
          <div key={group.role} className="mt-4">
            <h3 className="font-semibold">{ROLE_LABELS[group.role]}s</h3>
            <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {group.members.map((m) => (
                <li key={m.id} className="p-3">
                  <div>
                    <MemberLabel member={m} />
                    {m.id === myMembershipId ? <span className="text-slate-700"> (you)</span> : null}
                  </div>
                  {m.email ? <div className="text-sm text-slate-700 break-all">{m.email}</div> : null}
                  {canManage ? (
                    <div className="mt-2 flex flex-wrap items-end gap-2">
                      <Form method="post" className="flex flex-wrap items-end gap-2">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <label className="text-sm">
                          <span className="block">Role for {m.name}</span>
                          <select name="role" defaultValue={m.role} className="rounded border border-slate-500 bg-white px-2 py-2">
                            {roleOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                          </select>
                        </label>
                        <Button variant="secondary">Change role</Button>
                      </Form>
                      {m.role === "commissioner" && !m.isLead ? (
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="set-lead" />
                          <input type="hidden" name="membershipId" value={m.id} />
                          <Button variant="secondary">Make lead<span className="sr-only"> commissioner: {m.name}</span></Button>
                        </Form>
                      ) : null}
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <Button variant="danger">Remove<span className="sr-only"> {m.name}</span></Button>
                      </Form>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      {canManage ? (
        <div>
          <section aria-labelledby="invite-heading">
            <h2 id="invite-heading" className="text-xl font-semibold">Invite someone</h2>
            {result && !result.ok && result.intent === "invite" ? <FormErrors errors={result.formErrors} /> : null}
            {/* A new key after each invitation empties the form, so the next person starts blank. */}
            <Form key={result?.ok && result.intent === "invite" ? result.inviteLink : "invite"} method="post" noValidate className="mt-3">
              <CsrfInput />
              <input type="hidden" name="intent" value="invite" />
              <Field label="Email address" name="email" type="email" autoComplete="off" defaultValue={inviteValues?.email} required errors={inviteErrors?.email} />
              <Field label="Name (optional)" name="name" autoComplete="off" defaultValue={inviteValues?.name} errors={inviteErrors?.name} />
              <Field label="Organisation (optional)" name="organisationName" autoComplete="off" defaultValue={inviteValues?.organisationName} errors={inviteErrors?.organisationName} />
              <SelectField label="Role" name="role" defaultValue={inviteValues?.role ?? "provider"} options={roleOptions} errors={inviteErrors?.role} />
              <Button>Create invitation</Button>
            </Form>
          </section>
          <section aria-labelledby="pending-heading" className="mt-8">
            <h2 id="pending-heading" className="text-xl font-semibold">Pending invitations ({invitations.length})</h2>
            {invitations.length === 0 ? <p className="mt-2 text-slate-700">None.</p> : null}
            <ul className="mt-2 space-y-2">
              {invitations.map((inv) => (
                <li key={inv.id} className="rounded border border-slate-300 bg-white p-3">
                  <div className="break-all font-medium">{inv.email}</div>
                  <div className="text-sm text-slate-700">
                    {ROLE_LABELS[inv.role as keyof typeof ROLE_LABELS] ?? inv.role}
                    {inv.organisationName ? ` · ${inv.organisationName}` : ""} · expires {new Date(inv.expiresAt).toLocaleDateString("en-GB")}
                  </div>
                  <Form method="post" className="mt-2">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="revoke-invitation" />
                    <input type="hidden" name="invitationId" value={inv.id} />
                    <Button variant="danger">Withdraw<span className="sr-only"> invitation for {inv.email}</span></Button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
    </div>
  );
}
