// Screening a young person's card before anyone else sees it. Text that looks like it
// identifies someone (the shared personal-data check, extended for phones) or that is
// abusive (obscenity's maintained English dataset, which sees through l33t and
// spacing) is held for the facilitator, and the writer is told why in plain words.
// Pure: no I/O.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { personalDataIn, type PersonalDataKind } from "../personal-data";

const abuse = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

export type HoldReason = PersonalDataKind | "abuse";

/** Why the card is held, or null when it may go ahead (shown, or queued under pre-moderation). */
export function screenCard(text: string): HoldReason | null {
  const personal = personalDataIn(text);
  if (personal) return personal.kind;
  // Letters spaced out ("f u c k") are read joined up as well.
  const joined = text.replace(/\b(\p{L})\s+(?=\p{L}\b)/gu, "$1");
  if (abuse.hasMatch(text) || abuse.hasMatch(joined)) return "abuse";
  return null;
}

/** Clean, normalised card text: trimmed, inner runs of space made one, no control characters. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
}
