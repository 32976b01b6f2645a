// A bid draft's shared (Yjs) document, `<workspaceId>/bid/<bidId>`: the payment
// proposal in the same shape as the workspace's payment document (so the same editor
// and engine work on it), the consortium's name for the bid, the answers to the quality
// questions (Y.Text, so two partners typing merge), and the terms between the prime
// and each partner. Who is in the consortium is kept in the database, not here.
// Pure: no I/O.
import * as Y from "yjs";
import { readPaymentDesign, writePaymentDesign } from "../payment/design";
import type { PaymentModel } from "../payment/model";
import { setText, textOf } from "../ydoc-fields";
import { NO_TERMS, PartnerTermsSchema, type PartnerTerms } from "./supply-chain";

export type BidContent = {
  name: string;
  proposal: PaymentModel | null;
  /** Why the proposal does not read as a payment model, when it does not. */
  proposalProblems: string[];
  answers: Record<string, string>;
  terms: Record<string, PartnerTerms>;
};

const meta = (doc: Y.Doc) => doc.getMap<unknown>("bid");
const answers = (doc: Y.Doc) => doc.getMap<unknown>("answers");
const terms = (doc: Y.Doc) => doc.getMap<unknown>("terms");

export function readBid(doc: Y.Doc): BidContent {
  const design = readPaymentDesign(doc);
  const a: Record<string, string> = {};
  for (const key of [...answers(doc).keys()].sort()) a[key] = textOf(answers(doc), key);
  const t: Record<string, PartnerTerms> = {};
  for (const [key, value] of terms(doc).entries()) t[key] = PartnerTermsSchema.safeParse(value).data ?? NO_TERMS;
  return { name: textOf(meta(doc), "name"), proposal: design.model, proposalProblems: design.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)), answers: a, terms: t };
}

/** A new bid: its name and the published model to start from (without the commissioner's scenarios). */
export function startBid(doc: Y.Doc, name: string, base: PaymentModel): void {
  doc.transact(() => {
    setText(meta(doc), "name", name);
    writePaymentDesign(doc, base, []);
  });
}

export const setBidName = (doc: Y.Doc, name: string) => setText(meta(doc), "name", name);
export const setAnswer = (doc: Y.Doc, questionId: string, text: string) => setText(answers(doc), questionId, text);
export const setTerms = (doc: Y.Doc, organisationId: string, value: PartnerTerms) => terms(doc).set(organisationId, { ...value });
