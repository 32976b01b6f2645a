// The edges of a workshop: a phone's cookie (a random token, scoped to the workshop's
// join path, whose hash is the phone's only key), the facilitator's authorisation, and
// the live state pushed to phones and to the projector wall.
import type { Permission } from "~/domain/permissions";
import type { ActivityState, WorkshopStatus } from "~/domain/workshop/workshop";
import { db } from "./db.server";
import { isHttps } from "./http.server";
import { liveRooms } from "./live-room.server";
import { requireWorkspaceMember } from "./permissions.server";
import { getWorkshop, workshopById, liveResults, phoneByToken, phoneCount, themesOf, workshopByCode, type LiveResults, type Phone, type WorkshopRecord } from "~/models/workshop.server";

// One cookie per workshop (named by its code), sent only to the join pages: `/join` as
// a whole, because Remix fetches a page's data from `/join/<code>.data`.
const cookieName = (code: string) => `oc_phone_${code}`;

/** The phone in this workshop that sent `request`, from its cookie; null for none. */
export async function phoneOf(request: Request, w: WorkshopRecord): Promise<Phone | null> {
  const cookies = request.headers.get("Cookie") ?? "";
  for (const part of cookies.split(/;\s*/)) {
    const [name, value] = part.split("=");
    if (name === cookieName(w.code) && value && /^[A-Za-z0-9_-]{20,64}$/.test(value)) {
      const phone = await phoneByToken(w.id, value);
      if (phone) return phone;
    }
  }
  return null;
}

/** Set-Cookie for a phone's token: only sent to the join pages, gone after a day. */
export function phoneCookie(request: Request, code: string, token: string): string {
  return `${cookieName(code)}=${token}; Path=/join; Max-Age=86400; HttpOnly; SameSite=Lax${isHttps(request) ? "; Secure" : ""}`;
}

export async function requireWorkshop(request: Request, workspaceId: string | undefined, workshopId: string | undefined, permission: Permission) {
  const member = await requireWorkspaceMember(request, workspaceId, permission);
  const workshop = await getWorkshop(member.workspace.id, workshopId ?? "");
  if (!workshop) throw new Response("There is no such workshop in this workspace.", { status: 404 });
  return { ...member, workshop };
}

/** The workshop a join path names (by code), or a 404 that says what to do. */
export async function requireJoinable(code: string | undefined): Promise<WorkshopRecord> {
  const w = code && /^[A-Z0-9]{6}$/.test(code) ? await workshopByCode(code) : null;
  if (!w || w.status === "draft") throw new Response("That code does not work. Check it and try again.", { status: 404 });
  return w;
}

// ── Live state ───────────────────────────────────────────────────────────────

export type LiveCard = { id: string; text: string; themeId: string | null; pseudonym?: string; merged: number };
export type PhoneRoom = { status: WorkshopStatus; title: string; activity: ActivityState; themes: { id: string; title: string }[]; cards: LiveCard[]; serverNow: string };
export type WallRoom = PhoneRoom & { code: string; phones: number; results: LiveResults; pending: number; held: number; unreadMessages: number; showPseudonyms: boolean };

async function computeRoom(workshopId: string, audience: "phones" | "wall"): Promise<PhoneRoom | WallRoom> {
  const w = await workshopById(workshopId);
  if (!w) throw new Error("gone");
  const workshop = w;
  const wall = audience === "wall";
  const [themes, cards, merged] = await Promise.all([
    themesOf(w.id),
    db().workshopCard.findMany({ where: { workshopId: w.id, status: "shown" }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, themeId: true, participant: wall && w.showPseudonyms ? { select: { pseudonym: true } } : false } }),
    db().workshopCard.groupBy({ by: ["mergedIntoId"], where: { workshopId: w.id, status: "merged" }, _count: true }),
  ]);
  const mergedInto = new Map(merged.map((m) => [m.mergedIntoId, m._count]));
  const base: PhoneRoom = {
    status: workshop.status,
    title: workshop.title,
    activity: workshop.activity,
    themes: themes.map((t) => ({ id: t.id, title: t.title })),
    cards: cards.map((c) => ({ id: c.id, text: c.text, themeId: c.themeId, merged: mergedInto.get(c.id) ?? 0, ...(wall && "participant" in c && c.participant ? { pseudonym: (c.participant as { pseudonym: string }).pseudonym } : {}) })),
    serverNow: new Date().toISOString(),
  };
  if (!wall) return base;
  const [results, phones, pending, held, unreadMessages] = await Promise.all([
    liveResults(workshop),
    phoneCount(w.id),
    db().workshopCard.count({ where: { workshopId: w.id, status: "pending" } }),
    db().workshopCard.count({ where: { workshopId: w.id, status: "held" } }),
    db().workshopMessage.count({ where: { workshopId: w.id, readAt: null } }),
  ]);
  return { ...base, code: w.code, phones, results, pending, held, unreadMessages, showPseudonyms: w.showPseudonyms };
}

const rooms = liveRooms<"phones" | "wall", PhoneRoom | WallRoom>("workshop", "workshop", ["wall", "phones"], computeRoom);

export function subscribeWorkshop(w: WorkshopRecord, audience: "phones" | "wall", send: (room: PhoneRoom | WallRoom) => void): () => void {
  return rooms.subscribe(w.workspaceId, w.id, audience, send);
}


/** The workshop as phones see it, now (for a phone page's first render). */
export function phoneRoom(w: WorkshopRecord): Promise<PhoneRoom> {
  return computeRoom(w.id, "phones");
}

/** The workshop as the wall (projector and facilitator) sees it, now. */
export function wallRoom(w: WorkshopRecord): Promise<WallRoom> {
  return computeRoom(w.id, "wall") as Promise<WallRoom>;
}
