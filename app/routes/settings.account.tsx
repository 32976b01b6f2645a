// Your account: who you are signed in as, and changing your password. A new password
// signs you out everywhere else: every other session ends, and so does every sync
// connection opened with one (server/sync: the re-check closes them with 4401).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, Notice } from "~/components/forms";
import { PasswordChangeSchema, type FieldErrors } from "~/domain/validation";
import { changePassword } from "~/models/user.server";
import { replaceAllSessions, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { signInFailed, signInGate, signInSucceeded } from "~/utils/sign-in-limits.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { name: user.name, email: user.email, organisation: user.organisation?.name ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(await readForm(request), PasswordChangeSchema);
  if (!form.ok) return invalid(form);
  // The current password is a password guess like any other: the sign-in limits apply.
  const address = context.clientAddress ?? "unknown";
  const gate = await signInGate(user.email, address);
  if (!gate.ok) {
    return data(
      { ok: false as const, errors: {} as FieldErrors, formErrors: [gate.message], values: {} as Record<string, string> },
      { status: 429, headers: { "Retry-After": String(Math.ceil(gate.retryAfterMs / 1000)) } },
    );
  }
  if (!(await changePassword({ userId: user.id, current: form.data.currentPassword, next: form.data.password }))) {
    await signInFailed(user.email, address);
    return invalid({ errors: { currentPassword: ["That is not your current password."] } });
  }
  await signInSucceeded(user.email, address);
  throw redirect("/settings/account?changed=1", { headers: { "Set-Cookie": await replaceAllSessions(request, user.id) } });
}

export default function Account() {
  const { name, email, organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors;
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-bold">Your account</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Name</dt>
        <dd>{name}</dd>
        <dt className="font-medium">Email</dt>
        <dd className="break-all">{email}</dd>
        {organisation ? (
          <>
            <dt className="font-medium">Organisation</dt>
            <dd>{organisation}</dd>
          </>
        ) : null}
      </dl>
      <h2 className="mt-8 text-xl font-semibold">Change your password</h2>
      {params.get("changed") ? (
        <Notice>
          <p>Your password was changed. You were signed out on every other device, and their live connections were closed.</p>
        </Notice>
      ) : null}
      <FormErrors errors={result?.formErrors} />
      <Form method="post" noValidate className="mt-3">
        <CsrfInput />
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
        <Field label="New password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." required errors={errors?.password} />
        <Field label="Confirm new password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
        <Button>Change password</Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Your account · Outcome Commons" }];
