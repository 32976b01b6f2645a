// How hard a piece of text is to read: the Flesch–Kincaid grade (wooorm's
// flesch-kincaid and syllable, maintained and small). Phones show short strings; the
// grade of a two-word button is noise, so a string under five words is judged by its
// words instead (none over two syllables, unless it is a word every child knows here).
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

const words = (text: string) => text.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? [];
const sentences = (text: string) => Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length || 1);

/** Words of three syllables or more that young people here know (the product's own words). */
export const KNOWN_WORDS = new Set(["everyone", "anyone", "someone", "anything", "everything", "somebody", "nobody", "already", "together", "tomorrow", "another", "important", "family", "families", "idea", "ideas", "emoji", "okay", "really", "yesterday"]);

/** The Flesch–Kincaid grade of `text` (may be below 0 for very easy text). */
export function readingGrade(text: string): number {
  const w = words(text);
  if (!w.length) return 0;
  const syllables = w.reduce((n, word) => n + syllable(word), 0);
  return fleschKincaid({ sentence: sentences(text), word: w.length, syllable: syllables });
}

/** Why `text` is too hard for `grade`, or null: long text by its grade, short text by its words. */
export function tooHard(text: string, grade: number): string | null {
  const w = words(text);
  if (w.length >= 5) {
    const g = readingGrade(text);
    return g > grade ? `reads at grade ${g.toFixed(1)}, above ${grade}` : null;
  }
  const hard = w.filter((word) => syllable(word) > 2 && !KNOWN_WORDS.has(word.toLowerCase()));
  return hard.length ? `uses ${hard.map((h) => `"${h}"`).join(", ")} (three syllables or more)` : null;
}
