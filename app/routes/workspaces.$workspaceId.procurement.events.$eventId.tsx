// A market-warming day: agenda, registration and attendance, the presenter's "now
// showing" that every screen follows (look away with one click, come back with one),
// live polls and live Q&A with a moderation queue. Answered questions join the
// clarification log. Plain forms work without JavaScript; with it, the room is live.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { FormErrors, Notice } from "~/components/forms";
import { AgendaEditor, AttendancePanel, PresenterControls, RegistrationPanel } from "~/components/procurement/event-admin";
import { NowShowing, PollsPanel, QuestionsPanel, ViewSwitcher } from "~/components/procurement/event-room";
import { can } from "~/domain/permissions";
import { readPaymentDesign } from "~/domain/payment/design";
import { PAGE_FORECAST } from "~/domain/payment/workbook";
import { formatInstant, toLondonLocal } from "~/domain/procurement/stages";
import { AgendaItemFormSchema, parseShowing, PIN_SECTIONS, PinnedVersionsSchema, QuestionFormSchema, slugFor } from "~/domain/procurement/record";
import { checkChoice, choiceFromForm, PollCreateSchema } from "~/domain/procurement/polls";
import { readStoredDocument } from "~/models/document.server";
import { cancelRegistration, createPoll, getEvent, getPoll, listRegistrations, liveRoom, register, registrationOf, respond, setPollStatus, updateEvent } from "~/models/market-event.server";
import { publishToParties } from "~/models/procurement.server";
import { askQuestion } from "~/models/question.server";
import { isQuestionIntent, questionAction } from "~/utils/question-actions.server";
import { listVersions } from "~/models/version.server";
import { readForm } from "~/utils/csrf.server";
import { storedForecast } from "~/utils/forecast.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { pinnedContent } from "~/utils/pinned.server";
import { refusal, requireProcurement } from "~/utils/procurement.server";
import { useLiveRoom } from "~/procurement/use-live-room";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { procurement, viewer, membership, user, workspace } = await requireProcurement(request, params.workspaceId, "read:procurement");
  const event = await getEvent(procurement.id, params.eventId ?? "");
  if (!event) throw new Response("No such event in this procurement.", { status: 404 });
  const manage = can(membership.role, "manage:procurement");
  const [live, registration, registrations, pinned, versions] = await Promise.all([
    liveRoom(procurement, event.id, viewer),
    registrationOf(event.id, user.id),
    listRegistrations(event.id),
    pinnedContent(workspace.id, event.pinned),
    manage ? Promise.all(PIN_SECTIONS.map(async (s) => [s, (await listVersions(workspace.id, s)).map((v) => v.name)] as const)) : Promise.resolve([]),
  ]);
  const wantsForecast = live.showing?.kind === "forecast" || new URL(request.url).searchParams.get("view") === "forecast";
  let forecast = null;
  if (wantsForecast && pinned.payment) {
    const { scenarios } = readPaymentDesign(await readStoredDocument(`${workspace.id}/payment`));
    forecast = scenarios.length ? await storedForecast(context, { model: pinned.payment.model, scenarios, runs: PAGE_FORECAST.runs, seed: PAGE_FORECAST.seed }) : null;
  }
  const byType = new Map<string, { registered: number; attended: number }>();
  for (const r of registrations) {
    const t = byType.get(r.organisationType) ?? { registered: 0, attended: 0 };
    t.registered += 1;
    if (r.attendedAt) t.attended += 1;
    byType.set(r.organisationType, t);
  }
  return {
    workspaceId: workspace.id,
    event,
    live,
    pinned: { outcomes: pinned.outcomes, referral: pinned.referral, payment: pinned.payment ? { version: pinned.payment.version, lines: pinned.payment.lines } : null },
    forecast,
    manage,
    canAnswer: can(membership.role, "answer:clarifications"),
    canAttend: can(membership.role, "attend:events"),
    registration: registration ? { attended: registration.attendedAt !== null } : null,
    attendanceByType: [...byType.entries()].map(([type, counts]) => ({ type, ...counts })),
    // Who came, by name, is for the commissioning team.
    registrations: manage ? registrations.map((r) => ({ id: r.id, name: r.user.name, organisationName: r.organisationName, organisationType: r.organisationType, attended: r.attendedAt !== null })) : [],
    versions: Object.fromEntries(versions) as Record<string, string[]>,
  };
}

const TEAM = ["status", "show", "agenda-add", "agenda-remove", "pin", "poll-create", "poll-status", "approve", "hide"] as const;
const Intent = z.enum([...TEAM, "answer", "register", "cancel", "check-in", "respond", "ask", "vote", "unvote", "withdraw"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = Intent.safeParse(formData.get("intent"));
  if (!parsed.success) return invalid({ formErrors: ["Unknown action. Reload the page and try again."] });
  const intent = parsed.data;
  const permission = (TEAM as readonly string[]).includes(intent) ? "manage:procurement" : intent === "answer" ? "answer:clarifications" : "attend:events";
  const { procurement, viewer, user } = await requireProcurement(request, params.workspaceId, permission);
  const event = await getEvent(procurement.id, params.eventId ?? "");
  if (!event) throw new Response("No such event in this procurement.", { status: 404 });
  if (isQuestionIntent(intent)) return questionAction(intent, formData, { procurement, viewer, user });
  const done = (message: string) => data({ ok: true as const, intent, message });
  const refuse = (message: string) => data(refusal(message, intent), { status: 400 });
  switch (intent) {
    case "status": {
      const status = z.enum(["planned", "live", "ended"]).safeParse(formData.get("status"));
      if (!status.success) return refuse("Choose planned, live or ended.");
      await updateEvent(procurement, event.id, { status: status.data, ...(status.data === "ended" ? { showing: null } : {}) }, user);
      if (status.data === "ended") {
        // What the room saw goes to every registered party, whether they came or not.
        const versions = Object.values(event.pinned);
        await publishToParties(procurement, {
          key: `event:${event.id}`,
          kind: "event",
          label: `Materials from “${event.title}”: the agenda, ${versions.length ? `the versions discussed (“${versions.join("”, “")}”)` : "no pinned versions"}, the poll results and the questions answered`,
          href: `/procurement/events/${event.id}`,
        });
      }
      return done(status.data === "live" ? "The event is live: screens follow what you show." : status.data === "ended" ? "The event has ended; its polls and questions are in the engagement record." : "The event is planned.");
    }
    case "show": {
      const showing = parseShowing(String(formData.get("showing") ?? ""));
      if (showing === undefined) return refuse("Choose something to show.");
      if (showing?.kind === "agenda" && !event.agenda.some((a) => a.id === showing.itemId)) return refuse("That agenda item is not in this event.");
      await updateEvent(procurement, event.id, { showing }, user);
      return done("Every screen following you now shows it.");
    }
    case "agenda-add": {
      const form = parseForm(formData, AgendaItemFormSchema);
      if (!form.ok) return invalid(form, intent);
      const agenda = [...event.agenda, { id: slugFor(form.data.title, event.agenda.map((a) => a.id)), ...form.data }].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      await updateEvent(procurement, event.id, { agenda }, user);
      return done(`Added “${form.data.title}” at ${form.data.time}.`);
    }
    case "agenda-remove": {
      const id = String(formData.get("itemId") ?? "");
      if (!event.agenda.some((a) => a.id === id)) return refuse("That agenda item is not in this event.");
      await updateEvent(procurement, event.id, { agenda: event.agenda.filter((a) => a.id !== id) }, user);
      return done("Agenda item removed.");
    }
    case "pin": {
      const pinned: Record<string, string> = {};
      for (const s of PIN_SECTIONS) {
        const name = String(formData.get(s) ?? "");
        if (!name) continue;
        if (!(await listVersions(procurement.workspaceId, s)).some((v) => v.name === name)) return invalid({ errors: { [s]: ["Choose one of the published versions."] } }, intent);
        pinned[s] = name;
      }
      await updateEvent(procurement, event.id, { pinned: PinnedVersionsSchema.parse(pinned) }, user);
      return done("Everyone now discusses these versions.");
    }
    case "poll-create": {
      const form = parseForm(formData, PollCreateSchema);
      if (!form.ok) return invalid(form, intent);
      await createPoll(procurement, event.id, form.data, user);
      return done("Poll ready. Open it when the room should answer.");
    }
    case "poll-status": {
      const status = z.enum(["open", "closed", "draft"]).safeParse(formData.get("status"));
      const pollId = String(formData.get("pollId") ?? "");
      if (!status.success || !(await setPollStatus(procurement, event.id, pollId, status.data, user))) return refuse("That poll is not in this event.");
      if (status.data === "open") await updateEvent(procurement, event.id, { showing: { kind: "poll", pollId } }, user);
      return done(status.data === "open" ? "Poll open, and on every screen." : "Poll closed; its result is kept.");
    }
    case "respond": {
      const poll = await getPoll(event.id, String(formData.get("pollId") ?? ""));
      if (!poll) return refuse("That poll is not in this event.");
      if (poll.status !== "open") return refuse(poll.status === "closed" ? "This poll has closed." : "This poll is not open yet.");
      const checked = checkChoice(poll, choiceFromForm(poll, formData));
      if (!checked.ok) return invalid({ errors: { [`poll-${poll.id}`]: [checked.error] } }, intent);
      await respond(procurement, event.id, poll, user, checked.choice);
      return done("Thank you: your answer is in.");
    }
    case "ask": {
      if (event.status === "ended") return refuse("This event has ended. Ask a clarification question instead, while the enquiry period is open.");
      const form = parseForm(formData, QuestionFormSchema);
      if (!form.ok) return invalid(form, intent);
      await askQuestion(procurement, user, { source: "event", body: form.data.body, anonymous: form.data.anonymous === "on", eventId: event.id });
      return done("Question sent. The facilitator shows it to the room; the commissioning team always sees who asked.");
    }
    case "register":
    case "check-in":
      await register(procurement, event.id, user, intent === "check-in");
      return done(intent === "check-in" ? "You are checked in." : "You are registered.");
    case "cancel":
      await cancelRegistration(procurement, event.id, user.id);
      return done("Registration cancelled.");
  }
}

export default function MarketEventPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const room = useLiveRoom(loaded.workspaceId, loaded.event.id, loaded.live);
  const view = params.get("view");
  // What the presenter shows may need the page's own data (a forecast): reload it when
  // the showing changes, and again while a forecast is still being worked out.
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  const busy = revalidator.state !== "idle" || navigation.state !== "idle";
  // A reload overtaken by another (the person's own form, say) is aborted: that is not an error.
  const reload = () => void Promise.resolve(revalidator.revalidate()).catch(() => {});
  const showingKey = JSON.stringify(room.showing);
  const loadedKey = JSON.stringify(loaded.live.showing);
  const forecastPending = (room.showing?.kind === "forecast" || view === "forecast") && loaded.pinned.payment !== null && loaded.forecast === null;
  useEffect(() => {
    if (showingKey !== loadedKey && !busy) reload();
  }, [showingKey, loadedKey, busy]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!forecastPending) return;
    const timer = setTimeout(() => !busy && reload(), 2_000);
    return () => clearTimeout(timer);
  }, [forecastPending, loaded]); // eslint-disable-line react-hooks/exhaustive-deps
  const failure = result && !result.ok ? result : undefined;
  const forIntent = (i: string) => (failure?.intent === i ? failure : undefined);
  return (
    <div className="space-y-6">
      <header>
        <h2 className="text-xl font-semibold">{loaded.event.title}</h2>
        <p className="text-slate-700">
          {formatInstant(loaded.event.startsAt).replace(" UK time", "")}–{toLondonLocal(loaded.event.endsAt).slice(11)} UK time
          {loaded.event.place ? ` · ${loaded.event.place}` : ""}
          {room.status === "live" ? " · live now" : room.status === "ended" ? " · ended" : ""}
        </p>
        {loaded.event.onlineUrl && loaded.registration ? <p><a className="underline" href={loaded.event.onlineUrl} rel="noreferrer">Join online</a></p> : null}
      </header>
      {result?.ok ? <Notice><p>{result.message}</p></Notice> : null}
      {failure && !["ask", "answer", "poll-create", "agenda-add", "pin", "respond"].includes(failure.intent ?? "") ? <FormErrors errors={failure.formErrors} /> : null}
      {loaded.canAttend ? <RegistrationPanel registration={loaded.registration} live={room.status === "live"} /> : null}
      <ViewSwitcher view={view} showing={room.showing} live={room.status === "live"} />
      <NowShowing view={view} showing={room.showing} agenda={room.agenda} pinned={loaded.pinned} forecast={loaded.forecast} polls={room.polls} />
      {loaded.manage ? <PresenterControls event={{ ...loaded.event, agenda: room.agenda }} showing={room.showing} status={room.status} versions={loaded.versions} pinFailure={forIntent("pin")} /> : null}
      <PollsPanel polls={room.polls} manage={loaded.manage} canAnswer={loaded.canAttend} failure={forIntent("respond") ?? forIntent("poll-create")} />
      <QuestionsPanel questions={room.questions} manage={loaded.manage} canAnswer={loaded.canAnswer} canAsk={loaded.canAttend && room.status !== "ended"} askFailure={forIntent("ask")} answerFailure={forIntent("answer")} />
      <AttendancePanel byType={loaded.attendanceByType} registrations={loaded.registrations} />
      {loaded.manage ? <AgendaEditor agenda={room.agenda} failure={forIntent("agenda-add")} /> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? "Event"} · Outcome Commons` }];
