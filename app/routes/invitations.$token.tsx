import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, FormErrors } from "~/components/forms";
import { ROLE_LABELS } from "~/domain/roles";
import { acceptInvitation, getInvitationByToken, InvitationError } from "~/models/invitation.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid } from "~/utils/forms.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const inv = await getInvitationByToken(params.token ?? "");
  if (!inv) throw new Response("This invitation link is not valid. Check you copied all of it.", { status: 404 });
  const user = await getUser(request);
  return {
    status: inv.status,
    workspaceName: inv.workspace.name,
    role: inv.role,
    invitedBy: inv.invitedBy?.name ?? null,
    signedInAs: user ? { name: user.name, matches: user.email === inv.email } : null,
    path: new URL(request.url).pathname,
    token: params.token ?? "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request);
  try {
    const { workspaceId } = await acceptInvitation({ token: params.token ?? "", user });
    throw redirect(`/workspaces/${workspaceId}`);
  } catch (error) {
    if (error instanceof InvitationError) return invalid({ formErrors: [error.message] });
    throw error;
  }
}

export default function Invitation() {
  const inv = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const back = new URLSearchParams({ redirectTo: inv.path });
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-bold">Join {inv.workspaceName}</h1>
      <p className="mt-2">
        {inv.invitedBy ? `${inv.invitedBy} invited you` : "You are invited"} to join as{" "}
        <strong>{ROLE_LABELS[inv.role]}</strong>.
      </p>
      <FormErrors errors={result?.formErrors} />
      {inv.status !== "valid" ? (
        <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3">
          {inv.status === "used"
            ? "This invitation has already been used."
            : inv.status === "revoked"
              ? "This invitation was withdrawn."
              : "This invitation has expired."}{" "}
          Ask the person who invited you for a new one.
        </p>
      ) : inv.signedInAs ? (
        inv.signedInAs.matches ? (
          <Form method="post" className="mt-4">
            <CsrfInput />
            <Button>Accept and join</Button>
          </Form>
        ) : (
          <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-3">
            You are signed in as {inv.signedInAs.name}, but this invitation was sent to a different email address. Sign out and sign in with
            the invited address to accept it.
          </p>
        )
      ) : (
        <p className="mt-4 flex flex-wrap gap-3">
          <Link className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 py-2 font-medium text-white" to={`/signup?${new URLSearchParams({ invitation: inv.token })}`}>
            Create an account to accept
          </Link>
          <Link className="inline-flex min-h-11 items-center rounded border border-slate-600 bg-white px-4 py-2 font-medium" to={`/login?${back}`}>
            Sign in to accept
          </Link>
        </p>
      )}
    </div>
  );
}

// The link's secret is in the path: do not send it on to other sites ("same-origin": see signup.tsx).
export const meta: MetaFunction = () => [{ title: "Invitation · Outcome Commons" }, { name: "referrer", content: "same-origin" }];
