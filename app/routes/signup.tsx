// Create an account. From an invitation link (`?invitation=<token>`) the email is the
// invited one, the name and organisation are filled in from the invitation, and the
// new account joins the workspace in the same step.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, Notice, SelectField } from "~/components/forms";
import { safeRedirectPath } from "~/domain/redirect";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, ROLE_LABELS } from "~/domain/roles";
import { SignupSchema } from "~/domain/validation";
import { acceptInvitation, getInvitationByToken, guessOrganisationType, InvitationError } from "~/models/invitation.server";
import { createUser, EmailTakenError } from "~/models/user.server";
import { createSession, requireAnonymous } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";

/** The invitation a sign-up comes from, if it is still valid: what the form shows of it. */
async function invitationFor(token: string | null) {
  if (!token) return null;
  const inv = await getInvitationByToken(token);
  if (!inv || inv.status !== "valid") return null;
  return {
    token,
    email: inv.email,
    name: inv.name,
    organisationName: inv.organisationName,
    organisationType: inv.organisationName ? guessOrganisationType(inv.role) : "",
    role: inv.role,
    workspaceName: inv.workspace.name,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const params = new URL(request.url).searchParams;
  const asked = params.get("redirectTo");
  return { redirectTo: asked === null ? null : safeRedirectPath(asked), invitation: await invitationFor(params.get("invitation")) };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  const form = parseForm(formData, SignupSchema);
  if (!form.ok) return invalid(form);
  const { name, email, password, organisationName, organisationType, redirectTo } = form.data;
  const token = formData.get("invitation");
  const invitation = typeof token === "string" ? await invitationFor(token) : null;
  if (typeof token === "string" && token && !invitation) {
    return invalid({ formErrors: ["This invitation has been used, withdrawn or has expired. Ask the person who invited you for a new one."], values: { name, email, organisationName, organisationType } });
  }
  if (invitation && invitation.email !== email) {
    return invalid({ errors: { email: [`This invitation is for ${invitation.email}. Create the account with that address.`] }, values: { name, email, organisationName, organisationType } });
  }
  let user;
  try {
    user = await createUser({
      name,
      email,
      password,
      organisation: organisationName && organisationType ? { name: organisationName, type: organisationType } : undefined,
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return invalid({ errors: { email: [error.message] }, values: { name, email, organisationName, organisationType } });
    throw error;
  }
  const cookie = { "Set-Cookie": await createSession(request, user.id) };
  if (!invitation) throw redirect(redirectTo, { headers: cookie });
  try {
    const { workspaceId } = await acceptInvitation({ token: invitation.token, user });
    throw redirect(`/workspaces/${workspaceId}`, { headers: cookie });
  } catch (error) {
    // Used or withdrawn between the page and the click: the account stands; the invitation page says why.
    if (error instanceof InvitationError) throw redirect(`/invitations/${invitation.token}`, { headers: cookie });
    throw error;
  }
}

export default function Signup() {
  const { redirectTo, invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result && !result.ok ? result.values : undefined;
  const onward = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";
  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-2xl font-bold">Create an account</h1>
      {invitation ? (
        <Notice>
          <p>
            You are joining <strong>{invitation.workspaceName}</strong> as <strong>{ROLE_LABELS[invitation.role]}</strong>. Your account will use the address the
            invitation was sent to.
          </p>
        </Notice>
      ) : null}
      <FormErrors errors={result?.formErrors} />
      {/* Posts to the bare path: the query that brought someone here is not carried along. */}
      <Form method="post" action="/signup" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        <Field label="Your name" name="name" autoComplete="name" defaultValue={values?.name ?? invitation?.name} required errors={errors?.name} />
        {invitation ? (
          <Field label="Email address" name="email" type="email" autoComplete="email" value={invitation.email} readOnly hint="The address the invitation was sent to." errors={errors?.email} />
        ) : (
          <Field label="Email address" name="email" type="email" autoComplete="email" defaultValue={values?.email} required errors={errors?.email} />
        )}
        <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." required errors={errors?.password} />
        <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
        <Field
          label="Organisation (optional)"
          name="organisationName"
          autoComplete="organization"
          defaultValue={values?.organisationName ?? invitation?.organisationName}
          hint="For example, London Borough of Sutton."
          errors={errors?.organisationName}
        />
        <SelectField
          label="Organisation type"
          name="organisationType"
          defaultValue={values?.organisationType ?? invitation?.organisationType}
          errors={errors?.organisationType}
          options={[{ value: "", label: "Choose a type" }, ...ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))]}
        />
        <Button>{invitation ? "Create account and join" : "Create account"}</Button>
      </Form>
      <p className="mt-4">
        Already have an account? <Link className="text-brand-700 underline" to={`/login${onward}`}>Sign in</Link>
      </p>
    </div>
  );
}

// An invitation's secret may be in this page's address: do not send it on to other sites.
// ("same-origin", not "no-referrer": with no-referrer a browser sends the form's Origin as
// "null" and the post looks like it came from another site.)
export const meta: MetaFunction = () => [{ title: "Create an account · Outcome Commons" }, { name: "referrer", content: "same-origin" }];
