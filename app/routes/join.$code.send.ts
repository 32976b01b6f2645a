// POST /join/:code/send: what a phone's offline queue sends (a card, a ballot, a
// message), answered as JSON. Cards carry the phone's own id and ballots replace the
// last one, so an item sent again after a lost answer is stored once.
import type { ActionFunctionArgs } from "@remix-run/node";
import { COPY } from "~/domain/workshop/copy";
import { readForm } from "~/utils/csrf.server";
import { phoneOf, requireJoinable } from "~/utils/workshop.server";
import { handlePhoneForm } from "~/utils/workshop-phone.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const w = await requireJoinable(params.code);
  const form = await readForm(request);
  const phone = await phoneOf(request, w);
  if (!phone) return Response.json({ ok: false, intent: String(form.get("intent") ?? ""), error: COPY.codeWrong }, { status: 401 });
  const result = await handlePhoneForm(w, phone, form);
  return Response.json(result, { status: result.ok ? 200 : 422 });
}

export async function loader() {
  throw new Response("Not found", { status: 404 });
}
