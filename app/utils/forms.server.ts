import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "~/domain/validation";

/** What a form gets back when its input is refused: errors, and what was typed (never secrets). */
export type FormFailure = { ok: false; errors: FieldErrors; formErrors: string[]; values: Record<string, string>; intent?: string };

const NEVER_ECHOED = /password|csrf|token/i;

/** Parses form fields with `schema`; on failure, the field errors and values to send back. */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): { ok: true; data: z.infer<S> } | Omit<FormFailure, "intent"> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { fieldErrors: errors, formErrors } = fieldErrors(parsed.error);
  return { ok: false, errors, formErrors, values: echoable(values) };
}

/** Submitted values that may be shown again, so a form without JavaScript keeps what was typed. */
export function echoable(values: Record<string, string> | FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of values instanceof FormData ? values : Object.entries(values)) {
    if (typeof v === "string" && !NEVER_ECHOED.test(k)) out[k] = v;
  }
  return out;
}

/** A 400 action result with field and form errors, for the page to show. */
export function invalid(failure: { errors?: FieldErrors; formErrors?: string[]; values?: Record<string, string> }, intent?: string) {
  return data<FormFailure>(
    { ok: false, errors: failure.errors ?? {}, formErrors: failure.formErrors ?? [], values: failure.values ?? {}, intent },
    { status: 400 },
  );
}
