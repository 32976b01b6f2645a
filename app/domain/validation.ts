// Shared field schemas and one zod schema per form. Messages are written for the
// person filling in the form.
import { z } from "zod";
import { safeRedirectPath } from "./redirect";
import { ORGANISATION_TYPES, ROLES } from "./roles";

const trimmed = (max: number, label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `${capitalise(label)} must be ${max} characters or fewer.`);

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

export const PasswordSchema = z
  .string({ error: "Enter a password." })
  .min(10, "Password must be at least 10 characters.")
  .max(200, "Password must be 200 characters or fewer.");

export const PersonNameSchema = trimmed(100, "your name");
export const RoleSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES, {
  error: `Choose an organisation type: ${ORGANISATION_TYPES.join(", ")}.`,
});
export const OrganisationNameSchema = z
  .string()
  .trim()
  .max(150, "Organisation name must be 150 characters or fewer.");
export const WorkspaceNameSchema = trimmed(120, "a workspace name");
export const WorkspaceDescriptionSchema = z
  .string()
  .trim()
  .max(2000, "Description must be 2,000 characters or fewer.")
  .default("");
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
    confirmPassword: z.string({ error: "Confirm your password." }),
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
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
  redirectTo: RedirectToSchema,
});

export const PasswordChangeSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    password: PasswordSchema,
    confirmPassword: z.string({ error: "Confirm your new password." }),
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
  name: z.string().trim().max(100, "Name must be 100 characters or fewer.").default(""),
  organisationName: OrganisationNameSchema.default(""),
  role: RoleSchema,
});

export const MemberRoleSchema = z.object({
  membershipId: z.string().min(1, "Choose a member."),
  role: RoleSchema,
});

export const MembershipIdSchema = z.object({ membershipId: z.string().min(1, "Choose a member.") });
export const InvitationIdSchema = z.object({ invitationId: z.string().min(1, "Choose an invitation.") });

export const ApiTokenCreateSchema = z.object({
  name: trimmed(60, "a name for the token"),
});
export const ApiTokenIdSchema = z.object({ tokenId: z.string().min(1, "Choose a token.") });

export type FieldErrors = Record<string, string[] | undefined>;

/** Turns a zod error into field errors keyed by the top-level field name. */
export function fieldErrors(error: z.ZodError): { fieldErrors: FieldErrors; formErrors: string[] } {
  const out: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    // Nested fields are named by their full path: "vignettes.0.notes".
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (out[issue.path.map(String).join(".")] ??= []).push(issue.message);
  }
  return { fieldErrors: out, formErrors };
}

export const VersionPublishSchema = z.object({
  name: z.string({ error: "Name the version." }).trim().min(1, "Name the version.").max(120, "Keep the name under 120 characters."),
});

export const JudgementFormSchema = z.object({
  vignetteId: z.string().min(1, "Choose a case.").max(64),
  judgement: z.enum(["refer", "not-refer"], { error: "Say whether you would refer this case." }),
});
