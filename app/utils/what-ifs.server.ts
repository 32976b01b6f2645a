// The payment page's "Try a what-if copy" form without JavaScript: a copy of the shared
// model and scenarios as stored, under the submitted name (or the next free "What-if N").
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { readPaymentDesign } from "~/domain/payment/design";
import { nextWhatIfName, WhatIfNameSchema } from "~/domain/payment/what-if";
import { readStoredDocument } from "~/models/document.server";
import { createWhatIf, whatIfNames } from "~/models/what-if.server";
import { invalid, parseForm } from "./forms.server";
import { requireWorkspaceMember } from "./permissions.server";

const FormSchema = z.object({ name: z.union([z.literal(""), WhatIfNameSchema]).optional() });

export async function createWhatIfFromForm(request: Request, workspaceId: string | undefined, formData: FormData) {
  const { workspace, user } = await requireWorkspaceMember(request, workspaceId, "what-if:payment");
  const form = parseForm(formData, FormSchema);
  if (!form.ok) return invalid(form, "what-if-create");
  const { model, scenarios } = readPaymentDesign(await readStoredDocument(`${workspace.id}/payment`));
  if (!model || scenarios.length === 0) return invalid({ formErrors: ["There is no shared payment model to copy yet."] }, "what-if-create");
  const name = form.data.name || nextWhatIfName(await whatIfNames(workspace.id, user.id));
  const created = await createWhatIf({ workspaceId: workspace.id, ownerId: user.id, name, model, scenarios });
  if (!created.ok) return invalid({ errors: { name: [created.error] }, values: { name } }, "what-if-create");
  throw redirect(`/workspaces/${workspace.id}/payment#what-ifs-heading`);
}
