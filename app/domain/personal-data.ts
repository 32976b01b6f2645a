// Spots text that looks like it identifies someone, so anonymised inputs (case
// vignettes, young people's contributions) stay anonymous. Deliberately cautious:
// a false alarm costs a rewording; a missed name costs a young person's privacy.
// Pure: no I/O.

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// UK numbers: 07…, 01…/02…, +44…, with optional spaces or dashes.
const PHONE = /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/;
// UK postcodes, full (SW1A 1AA) or outward code plus inward code.
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
// Dates that could be a date of birth: 12/03/2009, 12-3-09, 12 March 2009, March 12 2009.
const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DATE = new RegExp(`\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}\\b|\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b(?:born|dob|d\\.o\\.b\\.?)\\b`, "i");
// "called Jordan", "named Aisha", "Mr Smith", "my name is …"
const NAME_CUE = /\b(?:called|named|name is|known as)\s+[A-Z][a-z]+|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+/;
// Two capitalised words in a row, not at the start of a sentence: "… lives with Jordan Smith".
const FULL_NAME = /(?<![.!?]\s|^)(?<!\n)\b[A-Z][a-z]+\s+[A-Z][a-z]+\b/;

/** Words that are capitalised for other reasons and do not make a name together. */
const NOT_NAMES = new Set(["Multi", "Systemic", "Therapy", "Functional", "Family", "Positive", "Families", "Partnership", "Children", "Services", "Social", "Care", "Local", "Authority", "London", "Borough", "Council", "National", "Lottery", "Community", "Fund", "Year", "School", "Youth", "Offending", "Team", "Child", "Protection", "Plan", "Early", "Help", "Service", "Panel", "Court", "Order", "Mental", "Health", "The", "A", "An", "In", "On", "At", "He", "She", "They", "His", "Her", "Their", "Mum", "Dad", "Mother", "Father", "Gran", "Grandmother", "Grandfather", "Aunt", "Uncle", "Sister", "Brother", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "English", "British", "Black", "White", "Asian"]);

// A street address: "12 Acacia Road", "flat 3", "I live on Mill Lane".
const STREET = "road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|court|gardens|grove|place|terrace|square|row|mews|walk";
const ADDRESS = new RegExp(`\\b\\d{1,4}[a-z]?,?\\s+(?:[a-z']+\\s+){1,3}(?:${STREET})\\b|\\bflat\\s+\\d+|\\b(?:live|living|stay|staying)\\s+(?:at|on|in)\\s+(?:\\d+\\s+)?(?:[a-z']+\\s+){1,3}(?:${STREET})\\b`, "i");
// A school's name: "St Mary's Primary", "Oakfield Academy", "Lambeth College".
const SCHOOL_WORDS = "primary|secondary|high school|grammar|junior school|infant school|infants|academy|college|school";
const SCHOOL = new RegExp(`\\b((?:[a-z'.]+\\s+){1,3})(?:${SCHOOL_WORDS})\\b`, "gi");
/** Words before "school" that do not name one: "my school", "a good high school". */
const NOT_SCHOOL_NAMES = new Set(["my", "our", "the", "a", "an", "your", "their", "his", "her", "at", "to", "in", "this", "that", "good", "nice", "new", "big", "local", "every", "any", "no", "after", "before", "from", "for", "of", "and", "or", "go", "goes", "went", "secondary", "primary", "high", "boarding", "special", "whole", "same", "other", "another", "like", "hate", "love", "mainstream", "better", "best", "worst", "bad", "old", "with", "about", "into", "on", "by", "out", "than", "more", "less", "get", "got", "stay", "back", "miss", "skip", "is", "was", "be", "i", "me", "leave", "leaving", "start", "starting", "finish", "help", "all", "up", "want", "need", "do", "doing", "free", "if", "when", "so", "but", "not", "don't", "dont", "can", "can't", "would", "will", "should"]);
// A name given by a cue typed in lower case, as phones are: "my name is jordan", "call me aisha".
const NAME_CUE_ANY_CASE = /\b(?:my name is|my names|my name's|i am called|i'm called|im called|call me)\s+[a-z]{2,}/i;

export type PersonalDataKind = "email" | "phone" | "postcode" | "date" | "name" | "address" | "school";

/** What kind of thing looks identifying in `text`, and the words that look so; null when nothing does. */
export function personalDataIn(text: string): { kind: PersonalDataKind; match: string } | null {
  const first = (re: RegExp, kind: PersonalDataKind) => {
    const m = re.exec(text);
    return m ? { kind, match: m[0] } : null;
  };
  const found = first(EMAIL, "email") ?? first(PHONE, "phone") ?? first(POSTCODE, "postcode") ?? first(ADDRESS, "address") ?? first(DATE, "date") ?? first(NAME_CUE, "name") ?? first(NAME_CUE_ANY_CASE, "name");
  if (found) return found;
  for (const m of text.matchAll(SCHOOL)) {
    const words = m[1]!.trim().split(/\s+/);
    const last = words[words.length - 1]!;
    if (NOT_SCHOOL_NAMES.has(last.toLowerCase())) continue;
    // "academy", "primary" and "grammar" after any other word name a school; "school" and
    // "college" only after a capitalised word or a saint ("lambeth college" is missed, "help
    // with school" is not held).
    const specific = /^(?:academy|primary|grammar|infants)$/i.test(m[0].slice(m[1]!.length));
    if (specific || /^[A-Z]/.test(last) || words.some((w) => /^(?:st\.?|saint)$/i.test(w))) return { kind: "school", match: m[0] };
  }
  for (const m of text.matchAll(new RegExp(FULL_NAME, "g"))) {
    const [a, b] = m[0].split(/\s+/);
    if (!NOT_NAMES.has(a!) && !NOT_NAMES.has(b!)) return { kind: "name", match: m[0] };
  }
  return null;
}

/** A message saying what looks identifying in `text`, or null when nothing does (for case vignettes). */
export function findPersonalData(text: string): string | null {
  const found = personalDataIn(text);
  if (!found) return null;
  switch (found.kind) {
    case "email":
      return "Remove the email address: vignettes must not identify anyone.";
    case "phone":
      return "Remove the phone number: vignettes must not identify anyone.";
    case "postcode":
      return "Remove the postcode: describe the area in general terms instead.";
    case "address":
      return "Remove the address: describe the area in general terms instead.";
    case "date":
      return "Remove the date (it could be a date of birth): give the age instead.";
    case "school":
      return `Remove "${found.match}": name the kind of school (a primary school, a pupil referral unit) instead.`;
    case "name":
      return /^(?:called|named|name is|known as|Mr|Mrs|Ms|Miss|Mx|Dr)\b/.test(found.match) || /^(?:my|i|im|call)/i.test(found.match)
        ? "Remove the name: refer to the young person and family by role (the young person, mum, the social worker)."
        : `Remove "${found.match}": it looks like a name. Refer to people by role instead.`;
  }
}
