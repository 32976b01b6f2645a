import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Button, CsrfInput, Field, FormErrors, SelectField, TextAreaField } from "~/components/forms";
import { WorkspaceCreateSchema } from "~/domain/validation";
import { createWorkspace } from "~/models/workspace.server";
import { requireAccountPermission } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { invalid, parseForm } from "~/utils/forms.server";

const CreateForm = WorkspaceCreateSchema.extend({
  ownerRole: z.enum(["commissioner", "facilitator"], { error: "Choose commissioner or facilitator." }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccountPermission(request, "create:workspace");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccountPermission(request, "create:workspace");
  const form = parseForm(await readForm(request), CreateForm);
  if (!form.ok) return invalid(form);
  const workspace = await createWorkspace({ ...form.data, ownerId: user.id });
  throw redirect(`/workspaces/${workspace.id}`);
}

export default function NewWorkspace() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values = result?.values;
  return (
    <div className="max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">Create a workspace</h1>
      <p className="mb-4">A workspace holds one commissioning project: its outcome framework, referral criteria, payment model, workshops and tender.</p>
      <FormErrors errors={result?.formErrors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field label="Workspace name" name="name" hint="For example, Pan-London Edge of Care." defaultValue={values?.name} required errors={errors?.name} />
        <TextAreaField label="Description (optional)" name="description" rows={4} defaultValue={values?.description} errors={errors?.description} />
        <SelectField
          label="Your role in this workspace"
          name="ownerRole"
          defaultValue={values?.ownerRole}
          hint="A commissioner who creates a workspace becomes its lead commissioner."
          errors={errors?.ownerRole}
          options={[
            { value: "commissioner", label: "Commissioner" },
            { value: "facilitator", label: "Facilitator" },
          ]}
        />
        <Button>Create workspace</Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Create a workspace · Outcome Commons" }];
