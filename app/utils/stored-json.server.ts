// JSON kept in a text column (a timeline, an agenda, poll options): parsed with the
// schema that wrote it; text that no longer parses or validates reads as `fallback`
// rather than failing the page.
import type { z } from "zod";

export function parseStored<S extends z.ZodType>(text: string | null, schema: S, fallback: z.infer<S>): z.infer<S> {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
