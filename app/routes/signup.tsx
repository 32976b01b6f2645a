import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, SelectField } from "~/components/forms";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "~/domain/roles";
import { SignupSchema } from "~/domain/validation";
import { createUser, EmailTakenError } from "~/models/user.server";
import { createSession, requireAnonymous } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = parseForm(await readForm(request), SignupSchema);
  if (!form.ok) return invalid(form);
  const { name, email, password, organisationName, organisationType, redirectTo } = form.data;
  try {
    const user = await createUser({
      name,
      email,
      password,
      organisation: organisationName && organisationType ? { name: organisationName, type: organisationType } : undefined,
    });
    throw redirect(redirectTo, { headers: { "Set-Cookie": await createSession(request, user.id) } });
  } catch (error) {
    if (error instanceof EmailTakenError) return invalid({ errors: { email: [error.message] }, values: { name, email, organisationName, organisationType } });
    throw error;
  }
}

export default function Signup() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result && !result.ok ? result.values : undefined;
  const [params] = useSearchParams();
  return (
    <div className="max-w-md">
      <h1 className="mb-4 text-2xl font-bold">Create an account</h1>
      <FormErrors errors={result?.formErrors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field label="Your name" name="name" autoComplete="name" defaultValue={values?.name} required errors={errors?.name} />
        <Field label="Email address" name="email" type="email" autoComplete="email" defaultValue={values?.email} required errors={errors?.email} />
        <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." required errors={errors?.password} />
        <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
        <Field label="Organisation (optional)" name="organisationName" autoComplete="organization" defaultValue={values?.organisationName} hint="For example, London Borough of Sutton." errors={errors?.organisationName} />
        <SelectField
          label="Organisation type"
          name="organisationType"
          defaultValue={values?.organisationType}
          errors={errors?.organisationType}
          options={[{ value: "", label: "Choose a type" }, ...ORGANISATION_TYPES.map((t) => ({ value: t, label: ORGANISATION_TYPE_LABELS[t] }))]}
        />
        <Button>Create account</Button>
      </Form>
      <p className="mt-4">
        Already have an account? <Link className="text-brand-700 underline" to={`/login?${params}`}>Sign in</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Create an account · Outcome Commons" }];
