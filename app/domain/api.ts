// The JSON API's contract: zod schemas for what goes in and out, and the OpenAPI
// document generated from them (so the description cannot drift from the checks).
import { z } from "zod";
import { OutcomeFrameworkSchema } from "./outcome-framework";
import { ForecastInputSchema } from "./payment/forecast";
import { ActualsInputSchema, PaymentModelSchema } from "./payment/model";
import { CommitmentsSchema } from "./referral-commitments";
import { ReferralCriteriaSchema, VignetteSchema } from "./referral-criteria";
import { PathwayStepSchema } from "./referral-design";
import { ORGANISATION_TYPES, ROLES } from "./roles";
import { WorkspaceCreateSchema } from "./validation";
import { WhatIfCreateSchema, WhatIfUpdateSchema } from "./payment/what-if";
import { ACTOR_KINDS } from "./audit/chain";
import { IndigoExportSchema } from "./open-data/indigo";

const AuditEntrySchema = z.object({
  id: z.string(),
  chain: z.string(),
  seq: z.number().int(),
  at: z.string().describe("ISO 8601"),
  actorKind: z.enum(ACTOR_KINDS),
  actorId: z.string().nullable(),
  actorName: z.string().describe("As shown on screen: a name, a pseudonym, or 'a young person'; never an e-mail"),
  action: z.string(),
  label: z.string(),
  subject: z.string(),
  before: z.string().nullable().describe("Canonical JSON of the state before, or {\"sha256\": …} where it is sealed"),
  after: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string().describe("SHA-256 of the canonical JSON of this entry's fields and prevHash"),
});
export const AuditResponseSchema = z.object({
  chains: z.array(
    z.object({
      chain: z.string(),
      title: z.string(),
      verified: z.boolean(),
      problem: z.object({ kind: z.string(), seq: z.number().int(), id: z.string().nullable(), message: z.string() }).nullable(),
      head: z.string(),
      entries: z.array(AuditEntrySchema),
    }),
  ),
});

/** A what-if as the API returns it (the model and scenarios as stored, with the owner's name and organisation, never an email). */
const WhatIfViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  mine: z.boolean(),
  ownerName: z.string(),
  organisation: z.string().nullable(),
  shown: z.boolean().describe("Shown to the room: every member can read it"),
  updatedAt: z.string().describe("ISO 8601"),
  model: z.object({}).passthrough().describe("A payment model (see POST /payment-models/forecast)"),
  scenarios: z.array(z.object({}).passthrough()),
});

const Organisation = z.object({ name: z.string(), type: z.enum(ORGANISATION_TYPES) }).nullable();

export const MeSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  organisation: Organisation,
});

export const WorkspaceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  role: z.enum(ROLES),
  isLead: z.boolean(),
  memberCount: z.number().int(),
});

export const WorkspaceDetailSchema = WorkspaceSummarySchema.extend({
  createdAt: z.string().describe("ISO 8601"),
  permissions: z.array(z.string()).describe("What the caller may do here"),
});

export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable().describe("Only for callers who manage members"),
  role: z.enum(ROLES),
  isLead: z.boolean(),
  organisation: Organisation,
  joinedAt: z.string(),
});

export const WorkspaceCreateBodySchema = WorkspaceCreateSchema.extend({
  ownerRole: z.enum(["commissioner", "facilitator"]).default("commissioner"),
}).strict();

const DesignProblemSchema = z.object({ severity: z.enum(["error", "warning"]), path: z.string(), message: z.string() });

export const OutcomeFrameworkResponseSchema = z.object({
  framework: OutcomeFrameworkSchema,
  problems: z.array(DesignProblemSchema).describe("What stops the framework being contracted on, as data"),
});

export const ReferralCriteriaResponseSchema = z.object({
  criteria: ReferralCriteriaSchema,
  plainLanguage: z.object({ inclusions: z.array(z.string()), exclusions: z.array(z.string()) }).describe("The rules as the referral form words them"),
  pathway: z.array(PathwayStepSchema),
  commitments: CommitmentsSchema,
  problems: z.array(DesignProblemSchema).describe("Items of the shared document that could not be read"),
});

export const EvaluateBodySchema = z
  .object({ vignettes: z.array(VignetteSchema).min(1, "Send at least one vignette").max(100, "Send at most 100 vignettes at a time") })
  .strict();

const CriterionResultSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  kind: z.string(),
  result: z.enum(["pass", "exception", "fail"]),
  reason: z.string(),
});

export const EvaluateResponseSchema = z.object({
  results: z.array(
    z.object({
      index: z.number().int(),
      id: z.string().optional(),
      outcome: z.enum(["eligible", "eligible-by-exception", "not-eligible"]),
      criteria: z.array(CriterionResultSchema),
    }),
  ),
});

export const ActivityQuerySchema = z.object({
  section: z.enum(["outcomes", "referral", "payment"], { message: "Use 'outcomes', 'referral' or 'payment'." }).optional(),
  /** Lines strictly older than this time (with beforeId: than that line at this time). */
  before: z.iso.datetime({ message: "Give an ISO 8601 time, e.g. 2026-11-23T10:00:00Z." }).optional(),
  beforeId: z.string().regex(/^[A-Za-z0-9]{1,40}$/, "Give the id of the last line you have.").optional(),
  limit: z.coerce.number().int().min(1, "Ask for 1 to 200 lines.").max(200, "Ask for 1 to 200 lines.").default(50),
});

export const ActivityResponseSchema = z.object({
  activity: z.array(
    z.object({
      id: z.string(),
      section: z.string(),
      actorName: z.string().describe("Who made the change; a young person's changes say 'A young person'"),
      summary: z.string().describe("What they did, e.g. \"edited the target of outcome 'Stays out of care'\""),
      at: z.string().describe("When the run of edits ended (ISO 8601)"),
    }),
  ),
});

const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

const json = (schema: z.ZodType) => ({ "application/json": { schema: z.toJSONSchema(schema, { io: "output" }) } });
const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [String(c), { description: "Problem", content: { "application/problem+json": { schema: z.toJSONSchema(ProblemSchema) } } }]),
  );
const idParam = { name: "workspaceId", in: "path", required: true, schema: { type: "string" } };
const procurementIdParam = { name: "procurementId", in: "path", required: true, schema: { type: "string" } };
const OCDS_SCHEMA = "https://standard.open-contracting.org/schema/1__1__5";
const whatIfIdParam = { name: "whatIfId", in: "path", required: true, schema: { type: "string" } };
const versionParam = { name: "version", in: "query", required: false, schema: { type: "string" }, description: "A named version (404 if there is none by that name)" };

/** The OpenAPI 3.1 document for /api/v1. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Outcome Commons API",
      version: "1",
      description:
        "Authenticate with a personal API token: 'Authorization: Bearer <token>'. Errors are application/problem+json (RFC 9457) with field errors under 'errors'.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths: {
      "/me": { get: { summary: "The calling user", responses: { "200": { description: "OK", content: json(MeSchema) }, ...problems(401) } } },
      "/workspaces": {
        get: {
          summary: "Workspaces the caller belongs to",
          responses: { "200": { description: "OK", content: json(z.object({ workspaces: z.array(WorkspaceSummarySchema) })) }, ...problems(401) },
        },
        post: {
          summary: "Create a workspace; the caller becomes its first member",
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(WorkspaceCreateBodySchema, { io: "input" }) } } },
          responses: { "201": { description: "Created", content: json(WorkspaceDetailSchema) }, ...problems(400, 401, 403, 415) },
        },
      },
      "/workspaces/{workspaceId}": {
        get: {
          summary: "One workspace (404 unless the caller is a member)",
          parameters: [idParam],
          responses: { "200": { description: "OK", content: json(WorkspaceDetailSchema) }, ...problems(401, 404) },
        },
      },
      "/workspaces/{workspaceId}/members": {
        get: {
          summary: "Members of a workspace, with roles and organisations",
          parameters: [idParam],
          responses: { "200": { description: "OK", content: json(z.object({ members: z.array(MemberSchema) })) }, ...problems(401, 403, 404) },
        },
      },
      "/workspaces/{workspaceId}/outcome-framework": {
        get: {
          summary: "The outcome framework as stored (at most 50 ms behind live edits), with its problems",
          parameters: [idParam, versionParam],
          responses: { "200": { description: "OK", content: json(OutcomeFrameworkResponseSchema) }, ...problems(401, 404) },
        },
      },
      "/workspaces/{workspaceId}/referral-criteria": {
        get: {
          summary: "The referral criteria, in plain language too, with the referral pathway and partner commitments",
          parameters: [idParam, versionParam],
          responses: { "200": { description: "OK", content: json(ReferralCriteriaResponseSchema) }, ...problems(401, 404) },
        },
      },
      "/workspaces/{workspaceId}/payment-model": {
        get: {
          summary: "The workspace's payment model (null with problems while it does not validate) and its forecast scenarios",
          parameters: [idParam, versionParam],
          responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { model: { anyOf: [z.toJSONSchema(PaymentModelSchema, { io: "output" }), { type: "null" }] }, problems: { type: "array" }, scenarios: { type: "array" } } } } } }, ...problems(401, 404) },
        },
      },
      "/workspaces/{workspaceId}/payment-model.xlsx": {
        get: {
          summary: "The payment workbook: every input of the model and scenarios, the forecast (the page's runs and seed), the options appraisal, cash flow, and the synthetic cohort's invoices and payment lines, formatted as currency and dates",
          parameters: [idParam, { name: "asOf", in: "query", required: false, description: "The actuals' data date, YYYY-MM-DD (default 2022-12-31)", schema: { type: "string", format: "date" } }],
          responses: { "200": { description: "An .xlsx workbook", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } }, ...problems(400, 401, 404) },
        },
      },
      "/workspaces/{workspaceId}/what-ifs": {
        get: {
          summary: "The caller's own what-if copies of the payment model, then those others show to the room",
          parameters: [idParam],
          responses: { "200": { description: "OK", content: json(z.object({ whatIfs: z.array(WhatIfViewSchema) })) }, ...problems(401, 404) },
        },
        post: {
          summary: "A new what-if copy, private to the caller until shown (what-if:payment); names are unique per person",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(WhatIfCreateSchema, { io: "input" }) } } },
          responses: { "201": { description: "Created", content: json(z.object({ whatIf: WhatIfViewSchema })) }, ...problems(400, 401, 403, 404, 409, 415) },
        },
      },
      "/workspaces/{workspaceId}/what-ifs/{whatIfId}": {
        get: {
          summary: "One what-if: the caller's own, or one shown to the room (anyone else's: 404)",
          parameters: [idParam, whatIfIdParam],
          responses: { "200": { description: "OK", content: json(z.object({ whatIf: WhatIfViewSchema })) }, ...problems(401, 404) },
        },
        patch: {
          summary: "The owner renames it, replaces its model and scenarios, or shows it to the room (shown: true) or takes it down",
          parameters: [idParam, whatIfIdParam],
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(WhatIfUpdateSchema, { io: "input" }) } } },
          responses: { "200": { description: "OK", content: json(z.object({ whatIf: WhatIfViewSchema })) }, ...problems(400, 401, 403, 404, 409, 415) },
        },
        delete: {
          summary: "The owner deletes it",
          parameters: [idParam, whatIfIdParam],
          responses: { "204": { description: "Deleted" }, ...problems(401, 403, 404) },
        },
      },
      "/payment-models/evaluate": {
        post: {
          summary: "Actuals: a payment model and participants' timelines → every payment per participant, payer and invoice month, in pence; the lines a page at a time. 503 with Retry-After when the server's compute queue is full",
          parameters: [
            { name: "lineOffset", in: "query", required: false, description: "The first line to return, in paying order (default 0)", schema: { type: "integer", minimum: 0 } },
            { name: "lineLimit", in: "query", required: false, description: "How many lines to return (default 10,000, at most 100,000); `linesPage.nextOffset` gives the next page", schema: { type: "integer", minimum: 1, maximum: 100_000 } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(ActualsInputSchema, { io: "input" }) } } },
          responses: { "200": { description: "One page of lines, `linesPage` (offset, limit, total, nextOffset), and on every page the totals, per payer, component and participant, invoices, caps used and notes" }, ...problems(400, 401, 413, 415, 503) },
        },
      },
      "/payment-models/forecast": {
        post: {
          summary: "Forecast: a payment model, scenarios, runs and a seed → P10/P50/P90 per scenario (at most 5,000 runs × scenarios). 503 with Retry-After when the server's forecast queue is full",
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(ForecastInputSchema, { io: "input" }) } } },
          responses: { "200": { description: "Per scenario: commissioner, co-funder, provider and investor figures, costs avoided, monthly spreads" }, ...problems(400, 401, 415, 503) },
        },
      },
      "/workspaces/{workspaceId}/activity": {
        get: {
          summary: "Who changed what in the outcome framework, referral criteria and payment model, newest first",
          parameters: [
            idParam,
            { name: "section", in: "query", required: false, schema: { type: "string", enum: ["outcomes", "referral", "payment"] } },
            { name: "before", in: "query", required: false, schema: { type: "string", format: "date-time" }, description: "Page back: lines older than the last one you have" },
            { name: "beforeId", in: "query", required: false, schema: { type: "string" }, description: "With before: the id of the last line you have" },
            { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: { "200": { description: "OK", content: json(ActivityResponseSchema) }, ...problems(400, 401, 404) },
        },
      },
      "/procurements/{procurementId}/ocds/releases": {
        get: {
          summary: "The procurement's OCDS 1.1 release package (planning, tender, tender updates, award, contract), with the bids and enquiries extensions. No token needed once the opportunity is public; nothing about bids before the award",
          security: [{}, { bearer: [] }],
          parameters: [procurementIdParam],
          responses: { "200": { description: "An OCDS 1.1.5 release package", content: { "application/json": { schema: { $ref: `${OCDS_SCHEMA}/release-package-schema.json` } } } }, ...problems(401, 404) },
        },
      },
      "/procurements/{procurementId}/ocds/record": {
        get: {
          summary: "The procurement's OCDS 1.1 record package: its releases linked and compiled by the standard's merge rules",
          security: [{}, { bearer: [] }],
          parameters: [procurementIdParam],
          responses: { "200": { description: "An OCDS 1.1.5 record package", content: { "application/json": { schema: { $ref: `${OCDS_SCHEMA}/record-package-schema.json` } } } }, ...problems(401, 404) },
        },
      },
      "/workspaces/{workspaceId}/indigo": {
        get: {
          summary: "The outcomes contract in INDIGO 4.1's project shape: outcome metrics and pricings, payment commitments by payer, investments, the procurement's ocid. 409 while no payment model is complete",
          parameters: [idParam, { name: "download", in: "query", required: false, schema: { type: "string", enum: ["1"] }, description: "Send as an attachment" }],
          responses: { "200": { description: "OK", content: json(IndigoExportSchema) }, ...problems(401, 403, 404, 409) },
        },
      },
      "/workspaces/{workspaceId}/audit": {
        get: {
          summary: "The workspace's hash-chained audit trail (commissioners and evaluators), each chain verified as it is read; the sealed bids' chain appears once the bids are opened",
          parameters: [idParam],
          responses: { "200": { description: "OK", content: json(AuditResponseSchema) }, ...problems(401, 403, 404) },
        },
      },
      "/workspaces/{workspaceId}/referral-criteria/evaluate": {
        post: {
          summary: "Test anonymised case vignettes against the workspace's referral criteria; nothing is stored",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(EvaluateBodySchema, { io: "input" }) } } },
          responses: { "200": { description: "Per vignette, every criterion's result", content: json(EvaluateResponseSchema) }, ...problems(400, 401, 403, 404, 415) },
        },
      },
    },
  };
}
