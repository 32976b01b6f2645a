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

/** A message saying what looks identifying in `text`, or null when nothing does. */
export function findPersonalData(text: string): string | null {
  if (EMAIL.test(text)) return "Remove the email address: vignettes must not identify anyone.";
  if (PHONE.test(text)) return "Remove the phone number: vignettes must not identify anyone.";
  if (POSTCODE.test(text)) return "Remove the postcode: describe the area in general terms instead.";
  if (DATE.test(text)) return "Remove the date (it could be a date of birth): give the age instead.";
  if (NAME_CUE.test(text)) return "Remove the name: refer to the young person and family by role (the young person, mum, the social worker).";
  for (const m of text.matchAll(new RegExp(FULL_NAME, "g"))) {
    const [first, second] = m[0].split(/\s+/);
    if (!NOT_NAMES.has(first!) && !NOT_NAMES.has(second!)) return `Remove "${m[0]}": it looks like a name. Refer to people by role instead.`;
  }
  return null;
}
