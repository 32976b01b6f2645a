// The demo's workshops with young people (seed 001, Appendix 1, after Lambeth; the
// PFP's cohort is 10 to 17). A past workshop, six weeks ago: closed, its raw cards
// already deleted on schedule, its themes kept with their figures and what became of
// them (two service qualities and an indicator in the framework, one not adopted and
// why), co-designed on the ladder. And the next one, ready to open.
import { randomBytes } from "node:crypto";
import { addIndicator, addServiceQuality } from "~/domain/outcome-framework";
import { codeFrom } from "~/domain/workshop/codes";
import { provenanceLabel, WAITING } from "~/domain/workshop/workshop";
import { writeDocument } from "~/models/document.server";
import { db } from "~/utils/db.server";

const DAY = 86_400_000;

type Theme = { title: string; cards: number; dots: number; as?: "service-quality" | "indicator"; framework?: string; outcomeId?: string; decision?: "changed" | "not-adopted"; reason?: string };

const THEMES: Theme[] = [
  { title: "Someone who listens and does not judge", cards: 9, dots: 31, as: "service-quality", framework: "Workers listen to young people and do not judge them" },
  { title: "The same worker every time", cards: 6, dots: 22, as: "service-quality", framework: "The same key worker stays with the family from the first meeting to the end", decision: "changed", reason: "Providers said they cannot promise one person for two years, so we asked for the same worker for the whole of the therapy." },
  { title: "Less shouting at home", cards: 7, dots: 18, as: "indicator", framework: "The young person says there is less conflict at home", outcomeId: "pfp-wellbeing" },
  { title: "Free things to do after school", cards: 5, dots: 9, decision: "not-adopted", reason: "This contract pays for family therapy. Youth clubs are paid for by each borough's youth service, and we passed your ideas on to them." },
];

export async function seedDemoWorkshops(workspaceId: string, facilitator: { id: string; name: string }): Promise<void> {
  const heldOn = new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10);
  const closedAt = new Date(Date.parse(`${heldOn}T16:00:00Z`));
  const past = await db().workshop.create({
    data: {
      workspaceId,
      title: "What a good result looks like: young people from five boroughs",
      heldOn,
      code: codeFrom(randomBytes(8)),
      status: "closed",
      moderation: "pre",
      ageBand: "12-14",
      activity: JSON.stringify(WAITING),
      participationLevel: "co-designed",
      participationReason: "Twenty-two young people aged 11 to 16 wrote, sorted and voted on what a good result looks like; three of their themes are in the outcome framework, and they were told what became of each.",
      deleteCardsAfterDays: 30,
      createdById: facilitator.id,
      openedAt: new Date(Date.parse(`${heldOn}T13:00:00Z`)),
      closedAt,
      cardsDeletedAt: new Date(closedAt.getTime() + 30 * DAY),
    },
  });
  // Themes first, so each framework item can point back at its theme.
  const source = provenanceLabel(past);
  const promoted: { theme: Theme; themeId: string; itemId: string }[] = [];
  for (const [position, t] of THEMES.entries()) {
    const itemId = crypto.randomUUID();
    const theme = await db().workshopTheme.create({
      data: {
        workshopId: past.id,
        title: t.title,
        position,
        cardCount: t.cards,
        results: JSON.stringify({ cards: t.cards, dots: t.dots }),
        promotedAs: t.as ?? null,
        promotedId: t.as ? itemId : null,
        promotedOutcomeId: t.outcomeId ?? null,
        promotedAt: t.as ? closedAt : null,
        promotedByName: t.as ? facilitator.name : null,
        decision: t.decision ?? null,
        decisionReason: t.reason ?? "",
      },
    });
    if (t.as) promoted.push({ theme: t, themeId: theme.id, itemId });
  }
  await writeDocument(`${workspaceId}/outcomes`, (doc) => {
    for (const { theme: t, themeId, itemId } of promoted) {
      const item = { title: t.framework!, source, sourceRef: `workshop:${past.id}:${themeId}` };
      if (t.as === "service-quality") addServiceQuality(doc, item, itemId);
      else addIndicator(doc, t.outcomeId!, item, itemId);
    }
  });
  await db().workshop.create({
    data: {
      workspaceId,
      title: "Checking the tender with young people",
      heldOn: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10),
      code: codeFrom(randomBytes(8)),
      status: "draft",
      moderation: "pre",
      ageBand: "12-14",
      activity: JSON.stringify(WAITING),
      deleteCardsAfterDays: 30,
      createdById: facilitator.id,
    },
  });
}
