// /join: a young person types the code from the big screen (or scans its QR code, which
// carries it). No account, no e-mail, no name: the phone gets a made-up name for this
// workshop only. Wrong codes are counted per network address (in memory or Redis as a
// keyed hash, never stored with anything), and a closed workshop's code leads to
// "you said, we did" instead.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { normaliseCode } from "~/domain/workshop/codes";
import { COPY } from "~/domain/workshop/copy";
import { joinWorkshop, phoneCount, workshopByCode } from "~/models/workshop.server";
import { readForm } from "~/utils/csrf.server";
import { failureLimit } from "~/utils/failure-limit.server";
import { phoneCookie } from "~/utils/workshop.server";

export const handle = { chrome: "none" };
export const meta: MetaFunction = () => [{ title: "Join a workshop · Outcome Commons" }];

/** 30 wrong codes in 5 minutes from one address, then a wait: a class sharing one network still gets in. */
const wrongCodes = failureLimit("workshop-code", { max: 30, windowMs: 5 * 60_000 });
const MAX_PHONES = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  return { code: normaliseCode(new URL(request.url).searchParams.get("code") ?? "") ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const address = String(context.clientAddress ?? "unknown");
  if ((await wrongCodes.retryAfterMs(address)) > 0) return data({ error: COPY.tooManyTries }, { status: 429 });
  const code = normaliseCode(String(form.get("code") ?? ""));
  const w = code ? await workshopByCode(code) : null;
  if (!w || w.status === "draft") {
    await wrongCodes.fail(address);
    return data({ error: COPY.codeWrong }, { status: 400 });
  }
  if (w.status === "closed") throw redirect(`/join/${w.code}/results`);
  if ((await phoneCount(w.id)) >= MAX_PHONES) return data({ error: COPY.codeWrong }, { status: 400 });
  const { token } = await joinWorkshop(w);
  throw redirect(`/join/${w.code}`, { headers: { "Set-Cookie": phoneCookie(request, w.code, token) } });
}

export default function Join() {
  const { code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-md px-4 py-8 text-lg">
      <h1 className="text-3xl font-bold">{COPY.joinTitle}</h1>
      <p className="mt-3">{COPY.joinHelp}</p>
      <Form method="post" className="mt-6 space-y-4">
        <CsrfInput />
        <label htmlFor="code" className="block font-semibold">{COPY.joinCodeLabel}</label>
        <input id="code" name="code" defaultValue={code} required autoComplete="off" autoCapitalize="characters" inputMode="text" maxLength={9} aria-invalid={result?.error ? true : undefined} aria-describedby={result?.error ? "code-error" : undefined} className="block w-full rounded border-2 border-slate-500 px-3 py-3 text-center font-mono text-3xl tracking-widest uppercase" />
        {result?.error ? <p id="code-error" role="alert" className="font-semibold text-red-800">{result.error}</p> : null}
        <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 text-xl font-bold text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-4 focus-visible:ring-brand-300">{COPY.joinButton}</button>
      </Form>
    </div>
  );
}
