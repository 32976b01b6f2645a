// Shared field schemas and one zod schema per form. Messages are written for the
// person filling in the form.
import { z } from "zod";
import { safeRedirectPath } from "./redirect";
import { ORGANISATION_TYPES, ROLES } from "./roles";

// Text people type never holds control characters (a pasted one is invisible and
// breaks exports): one line has none at all, several lines may have tabs and newlines.
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_MESSAGE = "Remove the invisible control characters from this text.";

/** A one-line text field: no control characters. */
export function singleLine<S extends z.ZodType<string>>(schema: S) {
  return schema.refine((v) => !SINGLE_LINE_CONTROL.test(v), CONTROL_MESSAGE);
}

/** A text area: line breaks and tabs, but no other control characters. */
export function multiLine<S extends z.ZodType<string>>(schema: S) {
  return schema.refine((v) => !MULTI_LINE_CONTROL.test(v), CONTROL_MESSAGE);
}

/**
 * The id of a stored thing (a member, an invitation, a token, a thread) or of an item
 * in a shared document (an outcome, a test case): letters, digits, - and _.
 */
export function idSchema(choose: string) {
  return z.string({ error: choose }).min(1, choose).regex(/^[A-Za-z0-9_-]{1,64}$/, `${choose} (that id is not one this site makes).`);
}
export const ItemIdSchema = idSchema("Choose an item.");

const trimmed = (max: number, label: string) =>
  singleLine(
    z
      .string({ error: `Enter ${label}.` })
      .trim()
      .min(1, `Enter ${label}.`)
      .max(max, `${capitalise(label)} must be ${max} characters or fewer.`),
  );

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const EmailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "Email address must be 254 characters or fewer.")
  .pipe(z.email({ error: "Enter an email address like name@example.org." }))
  .transform((e) => e.toLowerCase());

const NO_NUL = (v: string) => !v.includes("\u0000");
const NUL_IN_PASSWORD = "A password cannot contain a NUL character.";

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(10, "Password must be at least 10 characters.")
  .max(200, "Password must be 200 characters or fewer.")
  .refine(NO_NUL, NUL_IN_PASSWORD);

export const PersonNameSchema = trimmed(100, "your name");
export const RoleSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES, {
  error: `Choose an organisation type: ${ORGANISATION_TYPES.join(", ")}.`,
});
export const OrganisationNameSchema = singleLine(
  z
    .string({ error: "Enter the organisation's name." })
    .trim()
    .max(150, "Organisation name must be 150 characters or fewer."),
);
export const WorkspaceNameSchema = trimmed(120, "a workspace name");
export const WorkspaceDescriptionSchema = multiLine(
  z
    .string({ error: "Write the description as text." })
    .trim()
    .max(2000, "Description must be 2,000 characters or fewer."),
).default("");
/** Same-site path to return to after signing in; anything else becomes the workspace list. */
export const RedirectToSchema = z
  .unknown()
  .optional()
  .transform((v) => safeRedirectPath(v));

export const SignupSchema = z
  .object({
    name: PersonNameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    confirmPassword: z.string({ error: "Confirm your password." }).max(200, "Password must be 200 characters or fewer."),
    organisationName: OrganisationNameSchema.default(""),
    organisationType: z.union([z.literal(""), OrganisationTypeSchema]).default(""),
    redirectTo: RedirectToSchema,
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match." });
    }
    if (v.organisationName && !v.organisationType) {
      ctx.addIssue({ code: "custom", path: ["organisationType"], message: "Choose the type of your organisation." });
    }
  });

export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Password must be 200 characters or fewer.").refine(NO_NUL, NUL_IN_PASSWORD),
  redirectTo: RedirectToSchema,
});

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200, "Password must be 200 characters or fewer.").refine(NO_NUL, NUL_IN_PASSWORD),
    password: PasswordSchema,
    confirmPassword: z.string({ error: "Confirm your new password." }).max(200, "Password must be 200 characters or fewer."),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The new passwords do not match." });
  });

export const WorkspaceCreateSchema = z.object({
  name: WorkspaceNameSchema,
  description: WorkspaceDescriptionSchema,
});

export const WorkspaceUpdateSchema = WorkspaceCreateSchema;

export const InvitationCreateSchema = z.object({
  email: EmailSchema,
  name: singleLine(z.string({ error: "Enter the name as text." }).trim().max(100, "Name must be 100 characters or fewer.")).default(""),
  organisationName: OrganisationNameSchema.default(""),
  role: RoleSchema,
});

export const MemberRoleSchema = z.object({
  membershipId: idSchema("Choose a member."),
  role: RoleSchema,
});

export const MembershipIdSchema = z.object({ membershipId: idSchema("Choose a member.") });
export const InvitationIdSchema = z.object({ invitationId: idSchema("Choose an invitation.") });

export const ApiTokenCreateSchema = z.object({
  name: trimmed(60, "a name for the token"),
});
export const ApiTokenIdSchema = z.object({ tokenId: idSchema("Choose a token.") });

export type FieldErrors = Record<string, string[] | undefined>;

/** Turns a zod error into field errors keyed by the top-level field name. */
export function fieldErrors(error: z.ZodError): { fieldErrors: FieldErrors; formErrors: string[] } {
  const out: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    // A field the request should not have is named as a field, so a typo is easy to find.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) (out[[...issue.path.map(String), key].join(".")] ??= []).push("Not a field of this request; remove it (check its spelling).");
      continue;
    }
    // Nested fields are named by their full path: "vignettes.0.notes".
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (out[issue.path.map(String).join(".")] ??= []).push(issue.message);
  }
  return { fieldErrors: out, formErrors };
}

export const VersionPublishSchema = z.object({
  name: singleLine(z.string({ error: "Name the version." }).trim().min(1, "Name the version.").max(120, "Keep the name under 120 characters.")),
});

export const JudgementFormSchema = z.object({
  vignetteId: ItemIdSchema,
  judgement: z.enum(["refer", "not-refer"], { error: "Say whether you would refer this case." }),
});
