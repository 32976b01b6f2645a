// Sealed content at rest: bid drafts, submissions and attachments are encrypted before
// they reach the database, with AES-256-GCM (authenticated: a changed byte fails to
// decrypt). Each procurement has its own random data key, stored wrapped by the master
// key (SEAL_MASTER_KEY, or one generated into the data directory), so a database dump
// or backup alone reveals nothing readable. The associated data binds each blob to
// what it is (e.g. "bid:<id>:doc"), so one cannot be swapped for another.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { db } from "./db.server";
import { env } from "./env.server";

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function encrypt(key: Buffer, plaintext: Uint8Array, aad: string): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const out = new Uint8Array(1 + IV_BYTES + TAG_BYTES + body.length);
  out[0] = VERSION;
  out.set(iv, 1);
  out.set(cipher.getAuthTag(), 1 + IV_BYTES);
  out.set(body, 1 + IV_BYTES + TAG_BYTES);
  return out;
}

function decrypt(key: Buffer, blob: Uint8Array, aad: string): Uint8Array {
  if (blob[0] !== VERSION || blob.length < 1 + IV_BYTES + TAG_BYTES) throw new Error("sealed content: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(1, 1 + IV_BYTES));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
  return new Uint8Array(Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]));
}

const master = () => Buffer.from(env().SEAL_MASTER_KEY, "base64");
const keys = new Map<string, Promise<Buffer>>();

/** The procurement's data key, made (and stored wrapped) on first use; the first writer wins a race. */
function procurementKey(procurementId: string): Promise<Buffer> {
  const hit = keys.get(procurementId);
  if (hit) return hit;
  const pending = (async () => {
    const aad = `procurement-key:${procurementId}`;
    const row = await db().procurement.findUnique({ where: { id: procurementId }, select: { sealKey: true } });
    if (!row) throw new Error("sealed content: no such procurement");
    if (row.sealKey) return Buffer.from(decrypt(master(), new Uint8Array(row.sealKey), aad));
    const wrapped = encrypt(master(), randomBytes(32), aad);
    await db().procurement.updateMany({ where: { id: procurementId, sealKey: null }, data: { sealKey: wrapped } });
    const stored = await db().procurement.findUniqueOrThrow({ where: { id: procurementId }, select: { sealKey: true } });
    return Buffer.from(decrypt(master(), new Uint8Array(stored.sealKey!), aad));
  })();
  keys.set(procurementId, pending);
  pending.catch(() => keys.delete(procurementId));
  return pending;
}

export async function seal(procurementId: string, plaintext: Uint8Array | string, aad: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = typeof plaintext === "string" ? new TextEncoder().encode(plaintext) : plaintext;
  return encrypt(await procurementKey(procurementId), bytes, aad);
}

export async function unseal(procurementId: string, blob: Uint8Array, aad: string): Promise<Uint8Array> {
  return decrypt(await procurementKey(procurementId), blob, aad);
}

export async function unsealText(procurementId: string, blob: Uint8Array, aad: string): Promise<string> {
  return new TextDecoder().decode(await unseal(procurementId, blob, aad));
}
