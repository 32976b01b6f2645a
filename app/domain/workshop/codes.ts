// Join codes and pseudonyms. A join code is six characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), typed on a phone from a projector across a room. A
// pseudonym and avatar are made per phone per workshop; they identify nobody.
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

/** A code from `random` bytes (one per character; modulo bias is irrelevant at 31 of 256). */
export function codeFrom(random: Uint8Array): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random[i]! % CODE_ALPHABET.length];
  return code;
}

/** What a person typed, as a code: upper case, spaces and dashes dropped, look-alikes mapped; null if it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/[O0]/g, "Q")
    .replace(/[1IL]/g, "J");
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

const ADJECTIVES = ["Blue", "Brave", "Bright", "Calm", "Clever", "Cosy", "Happy", "Jolly", "Kind", "Lucky", "Mighty", "Quick", "Quiet", "Sunny", "Swift", "Wise", "Green", "Golden", "Silver", "Bold"];
const ANIMALS: [string, string][] = [
  ["Otter", "🦦"], ["Fox", "🦊"], ["Owl", "🦉"], ["Panda", "🐼"], ["Tiger", "🐯"], ["Koala", "🐨"], ["Penguin", "🐧"], ["Frog", "🐸"],
  ["Lion", "🦁"], ["Whale", "🐳"], ["Bee", "🐝"], ["Turtle", "🐢"], ["Rabbit", "🐰"], ["Hedgehog", "🦔"], ["Dolphin", "🐬"], ["Parrot", "🦜"],
];

/** A friendly name and avatar from two random numbers; `taken` names are avoided while others remain. */
export function pseudonymFrom(a: number, b: number, taken: ReadonlySet<string> = new Set()): { pseudonym: string; avatar: string } {
  const total = ADJECTIVES.length * ANIMALS.length;
  const start = (a % ADJECTIVES.length) * ANIMALS.length + (b % ANIMALS.length);
  for (let k = 0; k < total; k++) {
    const i = (start + k) % total;
    const [animal, avatar] = ANIMALS[i % ANIMALS.length]!;
    const pseudonym = `${ADJECTIVES[Math.floor(i / ANIMALS.length)]} ${animal}`;
    if (!taken.has(pseudonym)) return { pseudonym, avatar };
  }
  // More phones than names: a number keeps them apart.
  const [animal, avatar] = ANIMALS[b % ANIMALS.length]!;
  return { pseudonym: `${ADJECTIVES[a % ADJECTIVES.length]} ${animal} ${taken.size + 1}`, avatar };
}
