// Invitation rules at the model level, on a real database: links expire, and of
// two accepts racing for one link exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../support/database";

let db: TestDatabase;
let models: {
  invitation: typeof import("~/models/invitation.server");
  user: typeof import("~/models/user.server");
  workspace: typeof import("~/models/workspace.server");
  disconnect: () => Promise<void>;
};
let workspaceId: string;
let ownerId: string;

beforeAll(async () => {
  db = await freshDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.SESSION_SECRET = "model-test-secret-model-test-secret-00";
  const { migrate } = await import("../../server/db/migrate");
  await migrate(db.url);
  models = {
    invitation: await import("~/models/invitation.server"),
    user: await import("~/models/user.server"),
    workspace: await import("~/models/workspace.server"),
    disconnect: (await import("~/utils/db.server")).disconnectDb,
  };
  const owner = await models.user.createUser({ email: "owner@example.org", name: "Owner", password: "long-enough-pw" });
  ownerId = owner.id;
  workspaceId = (await models.workspace.createWorkspace({ name: "Rules", description: "", ownerId, ownerRole: "commissioner" })).id;
});

afterAll(async () => {
  await models?.disconnect();
  await db?.drop();
});

describe("invitation rules", () => {
  it("an invitation expires after 14 days", async () => {
    const user = await models.user.createUser({ email: "late@example.org", name: "Late", password: "long-enough-pw" });
    const issued = new Date(Date.now() - 15 * 86_400_000);
    const { token } = await models.invitation.createInvitation({ workspaceId, email: "late@example.org", name: "", organisationName: "", role: "observer", invitedById: ownerId, now: issued });
    expect((await models.invitation.getInvitationByToken(token))!.status).toBe("expired");
    await expect(models.invitation.acceptInvitation({ token, user })).rejects.toThrow("This invitation has expired.");
    expect(await models.workspace.getMembership({ workspaceId, userId: user.id })).toBeNull();
  });

  it("a fresh invitation to the same email replaces the pending one", async () => {
    const first = await models.invitation.createInvitation({ workspaceId, email: "twice@example.org", name: "", organisationName: "", role: "observer", invitedById: ownerId });
    await models.invitation.createInvitation({ workspaceId, email: "twice@example.org", name: "", organisationName: "", role: "provider", invitedById: ownerId });
    expect((await models.invitation.getInvitationByToken(first.token))!.status).toBe("revoked");
    const pending = await models.invitation.listPendingInvitations(workspaceId);
    expect(pending.filter((p) => p.email === "twice@example.org").map((p) => p.role)).toEqual(["provider"]);
  });

  it("two simultaneous accepts of one link: exactly one succeeds", async () => {
    const user = await models.user.createUser({ email: "race@example.org", name: "Race", password: "long-enough-pw" });
    const { token } = await models.invitation.createInvitation({ workspaceId, email: "race@example.org", name: "", organisationName: "", role: "provider", invitedById: ownerId });
    const results = await Promise.allSettled([
      models.invitation.acceptInvitation({ token, user }),
      models.invitation.acceptInvitation({ token, user }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await models.workspace.getMembership({ workspaceId, userId: user.id }))!.role).toBe("provider");
  });
});
