// "You said, we did" for one workshop: each theme with what became of it, worked out
// from the framework as it stands, the framework version the tender was published
// with, and whether a contract was awarded (app/domain/workshop/you-said.ts).
import { OutcomeFrameworkSchema, readFramework, type OutcomeFramework } from "~/domain/outcome-framework";
import { STAGES } from "~/domain/procurement/stages";
import { byFate, fateOf, type ThemeFate } from "~/domain/workshop/you-said";
import { readStoredDocument } from "~/models/document.server";
import { getProcurement } from "~/models/procurement.server";
import { getVersionModel } from "~/models/version.server";
import { themesOf, type StoredResults, type WorkshopRecord } from "~/models/workshop.server";
import { db } from "./db.server";

export type ThemeOutcome = { id: string; title: string; cardCount: number; results: StoredResults; fate: ThemeFate };

export async function youSaidWeDid(w: WorkshopRecord): Promise<ThemeOutcome[]> {
  const [themes, doc, procurement] = await Promise.all([themesOf(w.id), readStoredDocument(`${w.workspaceId}/outcomes`), getProcurement(w.workspaceId)]);
  const now = readFramework(doc);
  let tender: OutcomeFramework | null = null;
  let contracted = false;
  if (procurement) {
    const tenderOut = STAGES.indexOf(procurement.stage) >= STAGES.indexOf("tender-notice");
    if (tenderOut && procurement.published.outcomes) {
      const v = await getVersionModel(w.workspaceId, "outcomes", procurement.published.outcomes);
      tender = v ? (OutcomeFrameworkSchema.safeParse(v.model).data ?? null) : null;
    }
    contracted = (await db().award.count({ where: { procurementId: procurement.id } })) > 0;
  }
  return byFate(themes.map((t) => ({ id: t.id, title: t.title, cardCount: t.cardCount, results: t.results, fate: fateOf(t, now, { tender, contracted }) })));
}
