// Splits a Yjs update (v1) into several valid updates of at most `maxBytes` each, so a
// large document's initial sync never exceeds the message limit. Applying the parts,
// in any order, gives the same state as applying the whole: Yjs keeps structs whose
// dependencies have not arrived yet pending until they do.
//
// Structs are regrouped per client in clock order; an item too big on its own (Yjs
// merges consecutive typing into one item) is cut into pieces the way Yjs itself
// splits items: the right piece's origin is the last character of the left piece.
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

type Struct = Y.Item | Y.GC | Y.Skip;
/** One struct, or a slice [from, to) of an item's content. */
type Piece = { struct: Struct; from: number; to: number; bytes: number };

const HEADER_BYTES = 32; // struct count, client id and start clock per client, plus the counts

function encodePiece(encoder: Y.UpdateEncoderV1, { struct, from, to }: Piece): void {
  if (struct instanceof Y.Item && to < struct.length) {
    // Write [from, to): a copy of the item whose content ends at `to`.
    const content = struct.content.copy();
    content.splice(to);
    const part = new Y.Item(struct.id, struct.left, struct.origin, struct.right, struct.rightOrigin, struct.parent, struct.parentSub, content);
    part.length = to;
    part.write(encoder, from);
  } else {
    struct.write(encoder, from);
  }
}

function pieceBytes(piece: Omit<Piece, "bytes">): number {
  const encoder = new Y.UpdateEncoderV1();
  encodePiece(encoder, { ...piece, bytes: 0 });
  return encoder.toUint8Array().length;
}

/** A struct as pieces of at most `budget` bytes (one piece unless it is a big item). */
function piecesOf(struct: Struct, budget: number): Piece[] {
  const bytes = pieceBytes({ struct, from: 0, to: struct.length });
  if (bytes <= budget || !(struct instanceof Y.Item) || !struct.content.isCountable() || struct.length < 2) return [{ struct, from: 0, to: struct.length, bytes }];
  const pieces: Piece[] = [];
  const str = struct.content instanceof Y.ContentString ? struct.content.str : null;
  const unitsPerByte = struct.length / bytes;
  let from = 0;
  while (from < struct.length) {
    let step = Math.max(1, Math.floor(budget * unitsPerByte * 0.9));
    for (;;) {
      let to = Math.min(struct.length, from + step);
      // Never cut a surrogate pair: Yjs would replace both halves with U+FFFD.
      if (str && to < struct.length && isHighSurrogate(str.charCodeAt(to - 1))) to += to - from > 1 ? -1 : 1;
      const size = pieceBytes({ struct, from, to });
      // A piece of one character (or value) cannot be cut further.
      if (size <= budget || to - from <= 2) {
        pieces.push({ struct, from, to, bytes: size });
        from = to;
        break;
      }
      step = Math.max(1, Math.floor(step / 2));
    }
  }
  return pieces;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

function encodeChunk(groups: Map<number, Piece[]>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, groups.size);
  for (const [client, pieces] of groups) {
    encoding.writeVarUint(encoder.restEncoder, pieces.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, pieces[0]!.struct.id.clock + pieces[0]!.from);
    for (const p of pieces) encodePiece(encoder, p);
  }
  encoding.writeVarUint(encoder.restEncoder, 0); // no deletions in this part
  return encoder.toUint8Array();
}

function encodeDeletions(deletions: [number, { clock: number; len: number }[]][]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0); // no structs
  encoding.writeVarUint(encoder.restEncoder, deletions.length);
  for (const [client, items] of deletions) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
  return encoder.toUint8Array();
}

/** `update` itself if it fits in `maxBytes`, else parts that each do. */
export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.length <= maxBytes) return [update];
  const budget = maxBytes - HEADER_BYTES;
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const parts: Uint8Array[] = [];

  let groups = new Map<number, Piece[]>();
  let size = 0;
  for (const struct of structs) {
    for (const piece of piecesOf(struct, budget)) {
      const client = piece.struct.id.client;
      if (size + piece.bytes + HEADER_BYTES > budget && groups.size > 0) {
        parts.push(encodeChunk(groups));
        groups = new Map();
        size = 0;
      }
      const group = groups.get(client);
      if (group) group.push(piece);
      else {
        groups.set(client, [piece]);
        size += HEADER_BYTES;
      }
      size += piece.bytes;
    }
  }
  if (groups.size > 0) parts.push(encodeChunk(groups));

  // Deletions: at most 2 varuints of up to 8 bytes each per range, plus the client header.
  let deletions: [number, { clock: number; len: number }[]][] = [];
  let dsSize = 0;
  for (const [client, items] of ds.clients) {
    for (const item of items) {
      if (dsSize + 16 + HEADER_BYTES > budget && deletions.length > 0) {
        parts.push(encodeDeletions(deletions));
        deletions = [];
        dsSize = 0;
      }
      const last = deletions.at(-1);
      if (last && last[0] === client) last[1].push(item);
      else {
        deletions.push([client, [item]]);
        dsSize += HEADER_BYTES;
      }
      dsSize += 16;
    }
  }
  if (deletions.length > 0) parts.push(encodeDeletions(deletions));
  return parts;
}
