// The JSON API's contract: zod schemas for what goes in and out, and the OpenAPI
// document generated from them (so the description cannot drift from the checks).
import { z } from "zod";
import { ORGANISATION_TYPES, ROLES } from "./roles";
import { WorkspaceCreateSchema } from "./validation";

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
    },
  };
}
