import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors } from "~/components/forms";
import { safeRedirectPath } from "~/domain/redirect";
import { LoginSchema, type FieldErrors } from "~/domain/validation";
import { verifyLogin } from "~/models/user.server";
import { createSession, requireAnonymous } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { signInFailed, signInGate, signInSucceeded } from "~/utils/sign-in-limits.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  // The form posts back only a safe path, whatever the link that brought someone here held.
  const asked = new URL(request.url).searchParams.get("redirectTo");
  return { redirectTo: asked === null ? null : safeRedirectPath(asked) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(await readForm(request), LoginSchema);
  if (!form.ok) return invalid(form);
  const { email, password, redirectTo } = form.data;
  const address = context.clientAddress ?? "unknown";
  const gate = await signInGate(email, address);
  if (!gate.ok) {
    return data(
      { ok: false as const, errors: {} as FieldErrors, values: { email } as Record<string, string>, formErrors: [gate.message] },
      { status: 429, headers: { "Retry-After": String(Math.ceil(gate.retryAfterMs / 1000)) } },
    );
  }
  const user = await verifyLogin(email, password);
  if (!user) {
    await signInFailed(email, address);
    return invalid({ formErrors: ["The email address or password is not right."], values: { email } });
  }
  await signInSucceeded(email, address);
  throw redirect(redirectTo, { headers: { "Set-Cookie": await createSession(request, user.id) } });
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const onward = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";
  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-2xl font-bold">Sign in</h1>
      <FormErrors errors={result?.formErrors} />
      {/* Posts to the bare path: the query that brought someone here is not carried along. */}
      <Form method="post" action="/login" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
        <Field label="Email address" name="email" type="email" autoComplete="email" defaultValue={result?.values.email} required errors={result?.errors?.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={result?.errors?.password} />
        <Button>Sign in</Button>
      </Form>
      <p className="mt-4">
        New here? <Link className="text-brand-700 underline" to={`/signup${onward}`}>Create an account</Link>
      </p>
    </div>
  );
}

// Document responses take their headers from here (Retry-After on 429).
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = () => [{ title: "Sign in · Outcome Commons" }];
