import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, Notice } from "~/components/forms";
import { ApiTokenCreateSchema, ApiTokenIdSchema } from "~/domain/validation";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { accountCan } from "~/domain/permissions";
import { getAccountKind } from "~/models/user.server";
import { requireAccountPermission, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { tokens: await listApiTokens(user.id), canCreate: accountCan(await getAccountKind(user.id), "create:api-token") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "create") {
    await requireAccountPermission(request, "create:api-token");
    const form = parseForm(formData, ApiTokenCreateSchema);
    if (!form.ok) return invalid(form, "create");
    const created = await createApiToken({ userId: user.id, name: form.data.name, byName: user.name });
    return data({ ok: true as const, intent: "create", token: created.token, message: `Token “${created.name}” created.` });
  }
  if (intent !== "revoke") return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  const form = parseForm(formData, ApiTokenIdSchema);
  if (!form.ok) return invalid(form, "revoke");
  if (!(await revokeApiToken({ userId: user.id, tokenId: form.data.tokenId, byName: user.name }))) {
    return invalid({ formErrors: ["That token was already revoked or is not yours."] }, "revoke");
  }
  return data({ ok: true as const, intent: "revoke", token: null, message: "Token revoked. Programs using it can no longer sign in." });
}

export default function Tokens() {
  const { tokens, canCreate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">API tokens</h1>
      <p className="mt-2">
        Personal tokens let scripts call the Outcome Commons API as you (<code>Authorization: Bearer …</code>). They can do whatever
        your roles allow. The API is described at <a className="text-brand-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {result?.ok ? (
        <Notice>
          <p>{result.message}</p>
          {result.token ? (
            <p className="mt-2">
              <label htmlFor="new-token" className="block font-medium">Copy it now: it will not be shown again.</label>
              <input id="new-token" readOnly value={result.token} className="mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1 font-mono text-sm" />
            </p>
          ) : null}
        </Notice>
      ) : (
        <FormErrors errors={result?.formErrors} />
      )}
      {canCreate ? (
        <Form method="post" noValidate className="mt-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <Field label="Token name" name="name" hint="What will use it, e.g. 'Monthly reporting script'." errors={result && !result.ok ? result.errors?.name : undefined} />
          <Button>Create token</Button>
        </Form>
      ) : (
        <p className="mt-4">A service-user account cannot create API tokens.</p>
      )}
      <h2 className="mt-8 text-xl font-semibold">Your tokens</h2>
      {tokens.length === 0 ? <p className="mt-2">You have no tokens.</p> : null}
      <ul className="mt-2 space-y-2">
        {tokens.map((t) => (
          <li key={t.id} className="rounded border border-slate-300 bg-white p-3">
            <div className="font-medium">{t.name}</div>
            <div className="text-sm text-slate-700">
              <code>{t.prefix}…</code> · created {new Date(t.createdAt).toLocaleDateString("en-GB")}
              {t.lastUsedAt ? ` · last used ${new Date(t.lastUsedAt).toLocaleDateString("en-GB")}` : " · never used"}
              {t.revokedAt ? " · revoked" : ""}
            </div>
            {!t.revokedAt ? (
              <Form method="post" className="mt-2">
                <CsrfInput />
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="tokenId" value={t.id} />
                <Button variant="danger">Revoke<span className="sr-only"> {t.name}</span></Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "API tokens · Outcome Commons" }];
