// /join/:code/results: "you said, we did", reachable later with the same code. Themes
// only (never the raw cards, never a made-up name), each with what became of it, kept
// up to date from the framework, the tender and the contract.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { YouSaidList } from "~/components/workshop/you-said";
import { COPY } from "~/domain/workshop/copy";
import { longDate } from "~/domain/workshop/workshop";
import { requireJoinable } from "~/utils/workshop.server";
import { youSaidWeDid } from "~/utils/you-said.server";

export const handle = { chrome: "none" };
export const meta: MetaFunction = () => [{ title: "You said, we did · Outcome Commons" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const w = await requireJoinable(params.code);
  return { title: w.title, heldOn: longDate(w.heldOn), themes: await youSaidWeDid(w) };
}

export default function YouSaid() {
  const { title, heldOn, themes } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-xl px-4 py-6 text-lg">
      <h1 className="text-3xl font-bold">{COPY.saidTitle}</h1>
      <p className="mt-1 text-base text-slate-700">{title}, {heldOn}</p>
      <p className="mt-3">{COPY.saidIntro}</p>
      <YouSaidList themes={themes} />
    </div>
  );
}
