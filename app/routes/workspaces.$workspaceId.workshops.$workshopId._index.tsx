// A workshop's console. Facilitators and commissioners run it here: open and close,
// what phones show, the moderation queue (held cards with why), sorting cards into
// themes, promoting themes into the framework, "you said, we did" decisions, private
// messages, the ladder of participation. Everyone else in the workspace reads what
// became of the themes and the level, never the raw cards or the made-up names.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WorkshopConsole } from "~/components/workshop/console";
import { ParticipationBadge } from "~/components/workshop/participation";
import { YouSaidList } from "~/components/workshop/you-said";
import { can } from "~/domain/permissions";
import { readFramework } from "~/domain/outcome-framework";
import { longDate } from "~/domain/workshop/workshop";
import { readStoredDocument } from "~/models/document.server";
import { cardsForFacilitator, messagesOf, sortSuggestions, themesOf } from "~/models/workshop.server";
import { readForm } from "~/utils/csrf.server";
import { requireWorkshop, wallRoom } from "~/utils/workshop.server";
import { workshopAction } from "~/utils/workshop-actions.server";
import { youSaidWeDid } from "~/utils/you-said.server";

export const meta: MetaFunction = () => [{ title: "Workshop · Outcome Commons" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workshop: w, membership, workspace } = await requireWorkshop(request, params.workspaceId, params.workshopId, "read:workshops");
  const summary = { id: w.id, title: w.title, heldOn: w.heldOn, heldOnLong: longDate(w.heldOn), code: w.code, status: w.status, moderation: w.moderation, ageBand: w.ageBand, deleteCardsAfterDays: w.deleteCardsAfterDays, participationLevel: w.participationLevel, participationReason: w.participationReason, showPseudonyms: w.showPseudonyms, activity: w.activity, cardsDeletedAt: w.cardsDeletedAt?.toISOString() ?? null, closedAt: w.closedAt?.toISOString() ?? null };
  const youSaid = await youSaidWeDid(w);
  if (!can(membership.role, "run:workshops")) return { workspaceId: workspace.id, workshop: summary, youSaid, run: null };
  const [room, cards, themes, messages, framework, suggestions] = await Promise.all([wallRoom(w), cardsForFacilitator(w.id), themesOf(w.id), messagesOf(w.id), readStoredDocument(`${workspace.id}/outcomes`).then(readFramework), sortSuggestions(w)]);
  return {
    workspaceId: workspace.id,
    workshop: summary,
    youSaid,
    run: { room, cards, themes, messages, suggestions: Object.fromEntries(suggestions), outcomes: framework.outcomes.map((o, i) => ({ id: o.id, title: `${i + 1}. ${o.title}` })), canPromote: can(membership.role, "write:outcomes"), joinUrl: `${new URL(request.url).origin}/join?code=${w.code}` },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { workshop, ...member } = await requireWorkshop(request, params.workspaceId, params.workshopId, "run:workshops");
  const form = await readForm(request);
  return workshopAction(workshop, member, form);
}

export default function WorkshopPage() {
  const { workspaceId, workshop, youSaid, run } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!run) {
    return (
      <section aria-labelledby="workshop-heading">
        <h2 id="workshop-heading" className="text-xl font-bold">{workshop.title}</h2>
        <p className="text-sm text-slate-700">{workshop.heldOnLong}</p>
        <ParticipationBadge level={workshop.participationLevel} reason={workshop.participationReason} />
        <h3 className="mt-4 text-lg font-semibold">What young people said, and what became of it</h3>
        <YouSaidList themes={youSaid} headingLevel={3} />
      </section>
    );
  }
  return <WorkshopConsole workspaceId={workspaceId} workshop={workshop} youSaid={youSaid} run={run} result={result ?? null} />;
}
