// The procurement record: details and procedure, the stages and their dates (moved on
// only as stages.ts allows), lots, the public opportunity page, registered parties and
// the market-warming days. Commissioners and facilitators run it; others read it and
// register their organisation's interest. Plain forms: works without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, Notice } from "~/components/forms";
import { DetailsForm, EventsPanel, LotsPanel, PartiesPanel, PublicationPanel, StagesPanel, TimelinePanel } from "~/components/procurement/record-panels";
import { can } from "~/domain/permissions";
import { LotFormSchema, MarketEventFormSchema, PIN_SECTIONS, PinnedVersionsSchema, ProcurementDetailsSchema, slugFor, TimelineFormSchema, InstantSchema } from "~/domain/procurement/record";
import { STAGES, timelineProblems, nextStage } from "~/domain/procurement/stages";
import { createEvent, listEvents } from "~/models/market-event.server";
import { extendDeadline, getProcurement, listMoves, listParties, moveStage, partyOf, ProcurementRuleError, registerParty, saveDetails, saveLots, savePublication, saveTimeline, stageMoveLabel } from "~/models/procurement.server";
import { listVersions } from "~/models/version.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";
import { isCommissioningTeam, refusal } from "~/utils/procurement.server";
import { useWorkspaceEvents } from "~/utils/use-workspace-events";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, membership, user } = await requireWorkspaceMember(request, params.workspaceId, "read:procurement");
  const manage = can(membership.role, "manage:procurement");
  const procurement = await getProcurement(workspace.id);
  const team = isCommissioningTeam(membership.role);
  if (!procurement) return { workspaceId: workspace.id, manage, team, procurement: null } as const;
  const [moves, parties, events, versions, myParty] = await Promise.all([
    listMoves(procurement.id),
    listParties(procurement.id),
    listEvents(procurement.id),
    manage ? Promise.all(PIN_SECTIONS.map(async (s) => [s, (await listVersions(workspace.id, s)).map((v) => v.name)] as const)) : Promise.resolve([]),
    partyOf(procurement.id, user.organisation?.id),
  ]);
  const next = nextStage(procurement, procurement.stage);
  return {
    workspaceId: workspace.id,
    manage,
    team,
    procurement,
    next,
    problems: timelineProblems(procurement, procurement.timeline),
    moves: moves.map((m) => ({ id: m.id, label: stageMoveLabel(m), byName: m.byName, at: m.at.toISOString() })),
    // Rivals never see each other's names here: the team sees the list, a party sees its own number.
    parties: team ? parties : [],
    partyCount: parties.length,
    myParty: myParty ? { number: myParty.number } : null,
    canRegister: !myParty && !!user.organisation && can(membership.role, "ask:clarifications"),
    myOrganisation: user.organisation?.name ?? null,
    events,
    versions: Object.fromEntries(versions) as Record<string, string[]>,
  } as const;
}

const Intent = z.enum(["details", "timeline", "move", "extend", "add-lot", "remove-lot", "publication", "register", "create-event"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const intent = Intent.safeParse(formData.get("intent"));
  if (!intent.success) return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  const permission = intent.data === "register" ? "ask:clarifications" : "manage:procurement";
  const { workspace, user } = await requireWorkspaceMember(request, params.workspaceId, permission);
  const here = `/workspaces/${workspace.id}/procurement`;
  const done = (message: string) => data({ ok: true as const, intent: intent.data, message });
  if (intent.data === "details") {
    const form = parseForm(formData, ProcurementDetailsSchema);
    if (!form.ok) return invalid(form, intent.data);
    try {
      await saveDetails(workspace.id, form.data, user);
    } catch (error) {
      if (error instanceof ProcurementRuleError) return data(refusal(error.message, intent.data), { status: 400 });
      throw error;
    }
    return done("Procurement details saved.");
  }
  const procurement = await getProcurement(workspace.id);
  if (!procurement) return data(refusal("Start the procurement first: give it a title and a procedure.", intent.data), { status: 400 });
  try {
    switch (intent.data) {
      case "timeline": {
        const form = parseForm(formData, TimelineFormSchema);
        if (!form.ok) return invalid(form, intent.data);
        // A date left empty is cleared; one not in the form at all is kept. Dates of
        // stages already started are facts, not plans: they stay as recorded.
        const kept = Object.fromEntries(Object.entries(procurement.timeline).filter(([k]) => !formData.has(k)));
        const started = STAGES.slice(0, STAGES.indexOf(procurement.stage) + 1);
        const timeline = { ...kept, ...form.data, ...Object.fromEntries(started.filter((s) => procurement.timeline[s]).map((s) => [s, procurement.timeline[s]])) };
        await saveTimeline(procurement, timeline, user);
        const problems = timelineProblems(procurement, timeline);
        return done(problems.length ? `Dates saved. Check: ${problems.join(" ")}` : "Dates saved; they meet the minimum periods.");
      }
      case "move": {
        const to = z.enum(STAGES).safeParse(formData.get("to"));
        if (!to.success) return data(refusal("Choose the stage to move to.", intent.data), { status: 400 });
        const moved = await moveStage(procurement, to.data, user);
        if (!moved.ok) return data(refusal(moved.reason, intent.data), { status: 400 });
        return done("The procurement moved on.");
      }
      case "extend": {
        const form = parseForm(formData, z.object({ deadline: InstantSchema, reason: z.string().trim().max(300, "Keep the reason short.").default("") }));
        if (!form.ok) return invalid(form, intent.data);
        const extended = await extendDeadline(procurement, new Date(form.data.deadline), form.data.reason, user);
        if (!extended.ok) return invalid({ errors: { deadline: [extended.reason] }, values: { deadline: formData.get("deadline")?.toString() ?? "" } }, intent.data);
        return done("Deadline extended; every registered party has been told.");
      }
      case "add-lot": {
        const form = parseForm(formData, LotFormSchema);
        if (!form.ok) return invalid(form, intent.data);
        await saveLots(procurement, [...procurement.lots, { id: slugFor(form.data.title, procurement.lots.map((l) => l.id)), ...form.data }], user);
        return done(`Lot “${form.data.title}” added.`);
      }
      case "remove-lot": {
        const id = String(formData.get("lotId") ?? "");
        if (!procurement.lots.some((l) => l.id === id)) return data(refusal("That lot is not in this procurement.", intent.data), { status: 400 });
        await saveLots(procurement, procurement.lots.filter((l) => l.id !== id), user);
        return done("Lot removed.");
      }
      case "publication": {
        const versions = await Promise.all(PIN_SECTIONS.map(async (s) => [s, (await listVersions(workspace.id, s)).map((v) => v.name)] as const));
        const pinned: Record<string, string> = {};
        for (const [section, names] of versions) {
          const chosen = String(formData.get(section) ?? "");
          if (chosen && !names.includes(chosen)) return invalid({ errors: { [section]: ["Choose one of the published versions."] } }, intent.data);
          if (chosen) pinned[section] = chosen;
        }
        const isPublic = formData.get("public") === "on";
        await savePublication(procurement, PinnedVersionsSchema.parse(pinned), isPublic, user);
        return done(isPublic ? "The opportunity page is public." : "The opportunity page is not public.");
      }
      case "register": {
        if (!user.organisation) return data(refusal("Add your organisation to your account first: parties are organisations.", intent.data), { status: 400 });
        const party = await registerParty(procurement, user.organisation.id, user.name);
        return done(party.created ? `${user.organisation.name} is registered. Everything published goes to it from now on, including what was published before.` : `${user.organisation.name} was already registered.`);
      }
      case "create-event": {
        const form = parseForm(formData, MarketEventFormSchema);
        if (!form.ok) return invalid(form, intent.data);
        const event = await createEvent(procurement, form.data, user);
        throw redirect(`${here}/events/${event.id}`);
      }
    }
  } catch (error) {
    if (error instanceof ProcurementRuleError) return data(refusal(error.message, intent.data), { status: 400 });
    throw error;
  }
}

export default function ProcurementPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useWorkspaceEvents(loaded.workspaceId, ["procurement"]);
  const failure = result && !result.ok ? result : undefined;
  const errorsFor = (intent: string) => (failure?.intent === intent ? failure : undefined);
  return (
    <div className="space-y-8">
      <h2 className="text-xl font-semibold">Procurement</h2>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure && !failure.intent ? <FormErrors errors={failure.formErrors} /> : null}
      {loaded.procurement === null ? (
        loaded.manage ? (
          <DetailsForm procurement={null} failure={errorsFor("details")} />
        ) : (
          <p>The commissioners have not started the procurement yet. When they do, its stages, events and clarifications appear here.</p>
        )
      ) : (
        <>
          <StagesPanel workspaceId={loaded.workspaceId} procurement={loaded.procurement} next={loaded.next} moves={loaded.moves} manage={loaded.manage} failure={errorsFor("move")} />
          <EventsPanel workspaceId={loaded.workspaceId} events={loaded.events} manage={loaded.manage} failure={errorsFor("create-event")} />
          <PartiesPanel parties={loaded.parties} count={loaded.partyCount} myParty={loaded.myParty} canRegister={loaded.canRegister} organisation={loaded.myOrganisation} team={loaded.team} failure={errorsFor("register")} />
          {loaded.manage ? (
            <>
              <TimelinePanel procurement={loaded.procurement} problems={loaded.problems} failure={errorsFor("timeline")} extendFailure={errorsFor("extend")} />
              <LotsPanel lots={loaded.procurement.lots} manage failure={errorsFor("add-lot")} />
              <PublicationPanel procurement={loaded.procurement} versions={loaded.versions} failure={errorsFor("publication")} />
              <DetailsForm procurement={loaded.procurement} failure={errorsFor("details")} />
            </>
          ) : (
            <LotsPanel lots={loaded.procurement.lots} manage={false} failure={undefined} />
          )}
        </>
      )}
    </div>
  );
}
