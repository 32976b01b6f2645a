import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, CsrfInput, Field, FormErrors, TextAreaField } from "~/components/forms";
import { WorkspaceUpdateSchema } from "~/domain/validation";
import { updateWorkspace } from "~/models/workspace.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";
import { requireWorkspaceMember } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireWorkspaceMember(request, params.workspaceId, "update:workspace");
  return { workspace: { id: workspace.id, name: workspace.name, description: workspace.description } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const { workspace, user } = await requireWorkspaceMember(request, params.workspaceId, "update:workspace");
  const form = parseForm(formData, WorkspaceUpdateSchema);
  if (!form.ok) return invalid(form);
  await updateWorkspace({ workspaceId: workspace.id, ...form.data, by: user });
  throw redirect(`/workspaces/${workspace.id}`);
}

export default function WorkspaceSettings() {
  const { workspace } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="settings-heading" className="max-w-xl">
      <h2 id="settings-heading" className="mb-3 text-xl font-semibold">Workspace settings</h2>
      <FormErrors errors={result?.formErrors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field label="Workspace name" name="name" defaultValue={result?.values.name ?? workspace.name} required errors={result?.errors?.name} />
        <TextAreaField label="Description" name="description" rows={5} defaultValue={result?.values.description ?? workspace.description} errors={result?.errors?.description} />
        <Button>Save</Button>
      </Form>
    </section>
  );
}
