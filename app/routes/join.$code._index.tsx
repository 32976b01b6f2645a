// A young person's phone in a workshop: whatever the facilitator shows now (cards,
// dots, ranking, a 1-5 scale, reactions), a timer, their own cards with what happened
// to them, and "tell the leader". Every form works without JavaScript; with it, the
// screen is live and what is sent goes through an outbox that survives going offline.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PhoneScreen } from "~/components/workshop/phone";
import { newClientId } from "~/components/workshop/phone-queue";
import { COPY } from "~/domain/workshop/copy";
import { phoneBallot, phoneCards } from "~/models/workshop.server";
import { readForm } from "~/utils/csrf.server";
import { phoneOf, phoneRoom, requireJoinable } from "~/utils/workshop.server";
import { handlePhoneForm } from "~/utils/workshop-phone.server";

export const handle = { chrome: "none" };
export const meta: MetaFunction = () => [{ title: "Workshop · Outcome Commons" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const w = await requireJoinable(params.code);
  const phone = await phoneOf(request, w);
  if (!phone) throw redirect(w.status === "closed" ? `/join/${w.code}/results` : `/join?code=${w.code}`);
  const [room, cards, ballot] = await Promise.all([phoneRoom(w), phoneCards(w, phone), phoneBallot(w, phone)]);
  return { code: w.code, moderation: w.moderation, phone: { pseudonym: phone.pseudonym, avatar: phone.avatar }, room, cards, ballot, clientId: newClientId() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const w = await requireJoinable(params.code);
  const form = await readForm(request);
  const phone = await phoneOf(request, w);
  if (!phone) throw redirect(`/join?code=${w.code}`);
  const result = await handlePhoneForm(w, phone, form);
  return data(result, { status: result.ok ? 200 : 422 });
}

export default function PhonePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <PhoneScreen {...loaded} noScriptResult={result ?? null} copy={COPY} />;
}
