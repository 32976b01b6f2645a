// Comment threads on the things people design together (an outcome, an indicator):
// what a thread can be about, the forms that start, answer, resolve and reopen one,
// and who a comment mentions. Pure: no I/O.
import { z } from "zod";
import type { OutcomeFramework } from "./outcome-framework";
import { idSchema, multiLine } from "./validation";

/** What a thread is about: `outcome:<id>` or `indicator:<outcomeId>:<indicatorId>` (ids are stable in the document). */
export const CommentTargetSchema = z.string().regex(/^(outcome:[A-Za-z0-9_-]{1,64}|indicator:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64})$/, "Choose what the comment is about.");

export const CommentBodySchema = multiLine(z.string({ error: "Write a comment." }).trim().min(1, "Write a comment.").max(4000, "Keep a comment under 4,000 characters."));

const ThreadIdSchema = idSchema("Choose a thread.");

export const CommentFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("comment"), target: CommentTargetSchema, body: CommentBodySchema }),
  z.object({ intent: z.literal("reply"), threadId: ThreadIdSchema, body: CommentBodySchema }),
  z.object({ intent: z.literal("resolve"), threadId: ThreadIdSchema }),
  z.object({ intent: z.literal("reopen"), threadId: ThreadIdSchema }),
]);
export type CommentForm = z.infer<typeof CommentFormSchema>;
export const COMMENT_INTENTS = ["comment", "reply", "resolve", "reopen"] as const;

/** What `target` names in `framework`, in words; null when it no longer exists. */
export function describeTarget(framework: OutcomeFramework, target: string): string | null {
  const [kind, outcomeId, indicatorId] = target.split(":");
  const outcome = framework.outcomes.find((o) => o.id === outcomeId);
  if (!outcome) return null;
  const title = `'${outcome.title || "untitled"}'`;
  if (kind === "outcome") return `outcome ${title}`;
  const indicator = outcome.indicators.find((i) => i.id === indicatorId);
  return indicator ? `indicator '${indicator.title}' of outcome ${title}` : null;
}

/** Everything one outcome's panel may hold threads about: the outcome and each indicator. */
export function targetsOf(outcome: OutcomeFramework["outcomes"][number]): { target: string; label: string }[] {
  return [
    { target: `outcome:${outcome.id}`, label: "This outcome" },
    ...outcome.indicators.map((i) => ({ target: `indicator:${outcome.id}:${i.id}`, label: `Indicator: ${i.title}` })),
  ];
}

export type Mentionable = { userId: string; name: string };

/**
 * The people a comment mentions: "@" followed by a member's name as the workspace
 * shows it (any case), not running on into another word. Longer names win, so
 * "@Sam Okafor-Jones" is not read as "@Sam Okafor".
 */
export function findMentions(body: string, people: Mentionable[]): string[] {
  const byLength = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const found = new Set<string>();
  const lower = body.toLowerCase();
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    const rest = lower.slice(at + 1);
    const hit = byLength.find((p) => rest.startsWith(p.name.toLowerCase()) && !/[\p{L}\p{N}_-]/u.test(rest.charAt(p.name.length)));
    if (hit) found.add(hit.userId);
  }
  return [...found];
}
