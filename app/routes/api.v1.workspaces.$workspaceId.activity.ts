// The activity feed over the API: who changed what, newest first; `before` pages back.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listActivity } from "~/models/activity.server";
import { methodNotAllowed, parseQuery, requireApiMember, requireApiUser } from "~/utils/api.server";
import { apiJson } from "~/utils/http.server";

const QuerySchema = z.object({
  section: z.enum(["outcomes", "referral"], { message: "Use 'outcomes' or 'referral'." }).optional(),
  /** Lines strictly older than this time (with beforeId: than this line). */
  before: z.iso.datetime({ message: "Give an ISO 8601 time, e.g. 2026-11-23T10:00:00Z." }).optional(),
  beforeId: z.string().regex(/^[A-Za-z0-9]{1,40}$/).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireApiUser(request);
  const { workspace } = await requireApiMember(user, params.workspaceId, "read:workspace");
  const { section, before, beforeId, limit } = parseQuery(request, QuerySchema);
  const lines = await listActivity(workspace.id, { section, before: before ? { at: new Date(before), id: beforeId ?? "\uffff" } : undefined, limit });
  return apiJson({ activity: lines });
}

export const action = () => methodNotAllowed(["GET"]);
