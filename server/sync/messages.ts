// The y-websocket wire format: a varuint message type, then a y-protocols payload.
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Bytes a sync message adds around its update (type, subtype, length). */
export const SYNC_MESSAGE_OVERHEAD = 16;

/** Sync step 2: what the peer lacks (`Y.encodeStateAsUpdate(doc, itsStateVector)`). */
export function syncStep2Message(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A document update, as broadcast to peers. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness update for the given clients. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

export type IncomingMessage =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "sync-update"; update: Uint8Array; step2: boolean }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" }
  | { type: "auth" };

export class MalformedMessage extends Error {}

/** Decodes one client frame; throws MalformedMessage for anything else. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(d);
        if (sub === SYNC_STEP1) return { type: "sync-step1", stateVector: decoding.readVarUint8Array(d) };
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) return { type: "sync-update", update: decoding.readVarUint8Array(d), step2: sub === SYNC_STEP2 };
        throw new MalformedMessage(`unknown sync message ${sub}`);
      }
      case MESSAGE_AWARENESS:
        return { type: "awareness", update: decoding.readVarUint8Array(d) };
      case MESSAGE_QUERY_AWARENESS:
        return { type: "query-awareness" };
      case MESSAGE_AUTH:
        return { type: "auth" };
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage("truncated or malformed frame");
  }
}
