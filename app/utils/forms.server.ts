import { data } from "@remix-run/node";
import type { z } from "zod";
import { fieldErrors, type FieldErrors } from "~/domain/validation";

export type FormFailure = { ok: false; errors: FieldErrors; formErrors: string[]; intent?: string };

/** Parses form fields with `schema`; on failure, the field errors to send back. */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors; formErrors: string[] } {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { fieldErrors: errors, formErrors } = fieldErrors(parsed.error);
  return { ok: false, errors, formErrors };
}

/** A 400 action result with field and form errors, for the page to show. */
export function invalid(errors: FieldErrors, formErrors: string[] = [], intent?: string) {
  return data<FormFailure>({ ok: false, errors, formErrors, intent }, { status: 400 });
}
