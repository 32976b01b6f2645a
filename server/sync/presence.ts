// What presence (Yjs awareness) may carry to other people: a display name, a role, a
// colour and a cursor; nothing else (never an email). The name comes from the server's
// principal, not the client. A service user is shown as "A young person" and their
// cursor is never shared: "Youth panel is editing note 3" would tie a young person to
// a contribution that must carry no identity.
import { SERVICE_USER_DISPLAY_NAME } from "~/domain/roles";

type State = Record<string, unknown>;

function presence(state: State, name: string, role: string): State {
  const user = (state.user ?? {}) as State;
  const colour = typeof user.color === "string" && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : "#1d4e89";
  const young = role === "service-user";
  const clean: State = { user: { name: young ? SERVICE_USER_DISPLAY_NAME : name, role, color: colour } };
  if (!young && state.cursor != null && JSON.stringify(state.cursor).length < 2000) clean.cursor = state.cursor;
  return clean;
}

/** A state one of our own connections sent, rewritten with who the server knows it to be. */
export function sanitiseAwareness(state: State, principal: { name: string; role: string }): State {
  return presence(state, principal.name, principal.role);
}

/**
 * A state relayed by another server process (through Redis). That process sanitised
 * it already; the same rules apply again here, so a young person's name or cursor is
 * never relayed whatever the other process runs.
 */
export function sanitiseRelayedAwareness(state: State): State {
  const user = (state.user ?? {}) as State;
  const role = typeof user.role === "string" ? user.role.slice(0, 40) : "";
  const name = typeof user.name === "string" ? user.name.slice(0, 200) : "";
  return presence(state, name, role);
}
