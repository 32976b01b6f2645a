// The comment forms of a section's page: start a thread, reply, resolve, reopen
// (comment:co-design). Field errors come back to the form; success returns to the
// thread.
import { redirect } from "@remix-run/node";
import { CommentFormSchema } from "~/domain/comments";
import type { Section } from "~/domain/documents";
import { addComment, findThread, setResolved, startThread } from "~/models/comment.server";
import { invalid, parseForm } from "./forms.server";
import { requireWorkspaceMember } from "./permissions.server";

/** Handles a comment form; `describe` names a target as it stands now (null when it is gone). */
export async function commentFromForm(request: Request, workspaceId: string | undefined, section: Section, formData: FormData, describe: (target: string) => Promise<string | null>) {
  const { workspace, user, membership } = await requireWorkspaceMember(request, workspaceId, "comment:co-design");
  const form = parseForm(formData, CommentFormSchema);
  const intent = String(formData.get("intent"));
  const key = `${intent}:${String(formData.get("threadId") ?? formData.get("target") ?? "")}`;
  if (!form.ok) return invalid(form, key);
  const author = { userId: user.id, name: user.name, role: membership.role };
  const input = form.data;
  let threadId: string;
  if (input.intent === "comment") {
    const targetLabel = await describe(input.target);
    if (!targetLabel) return invalid({ errors: { target: ["That is no longer in the framework; choose something else."] }, values: { body: input.body } }, key);
    threadId = await startThread({ workspaceId: workspace.id, section, target: input.target, targetLabel, author, body: input.body });
  } else {
    const thread = await findThread(workspace.id, section, input.threadId);
    if (!thread) throw new Response("No such thread", { status: 404 });
    threadId = thread.id;
    if (input.intent === "reply") await addComment({ workspaceId: workspace.id, threadId, author, body: input.body });
    else await setResolved(threadId, input.intent === "resolve", author);
  }
  throw redirect(`/workspaces/${workspace.id}/${section}?thread=${threadId}#thread-${threadId}`);
}
