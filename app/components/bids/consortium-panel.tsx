// The consortium: who is in it and in which role; the prime invites registered
// parties as delivery partners or investor, and marks small providers (the tender may
// cap their share at risk). Plain forms: they work without JavaScript.
import { Form } from "@remix-run/react";
import { Button, SelectField } from "~/components/forms";
import { IntentFields } from "~/components/procurement/intent-fields";
import { CONSORTIUM_ROLE_LABELS, type ConsortiumRole } from "~/domain/procurement/supply-chain";

type Partner = { organisationId: string; name: string; role: ConsortiumRole; small: boolean };

export function ConsortiumPanel({ partners, candidates, canChange, errors }: { partners: Partner[]; candidates: { value: string; label: string }[]; canChange: boolean; errors?: Record<string, string[] | undefined> }) {
  return (
    <section aria-labelledby="consortium-heading" className="rounded border border-slate-300 bg-white p-4">
      <h3 id="consortium-heading" className="text-lg font-semibold">Consortium</h3>
      <ul className="mt-2 space-y-1">
        {partners.map((p) => (
          <li key={p.organisationId} className="flex flex-wrap items-center gap-2">
            <span>{p.name}: {CONSORTIUM_ROLE_LABELS[p.role]}{p.small ? " (small provider)" : ""}</span>
            {canChange && p.role !== "prime" ? (
              <Form method="post" encType="multipart/form-data">
                <IntentFields intent="remove-partner" fields={{ organisationId: p.organisationId }} />
                <Button variant="secondary" aria-label={`Remove ${p.name} from the consortium`}>Remove</Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canChange && candidates.length ? (
        // Keyed by the consortium's size: after an organisation is added the form starts afresh.
        <Form key={partners.length} method="post" encType="multipart/form-data" className="mt-3 max-w-xl">
          <IntentFields intent="add-partner" />
          <h4 className="font-semibold">Invite a partner</h4>
          <SelectField label="Organisation (a registered party)" name="organisationId" options={candidates} errors={errors?.organisationId} />
          <SelectField label="Role" name="role" options={[{ value: "delivery", label: "Delivery partner" }, { value: "investor", label: "Investor" }]} errors={errors?.role} />
          <div className="mb-4 flex items-center gap-2">
            <input id="partner-small" type="checkbox" name="small" className="h-5 w-5" />
            <label htmlFor="partner-small">A small provider</label>
          </div>
          <Button variant="secondary">Add to the consortium</Button>
        </Form>
      ) : null}
    </section>
  );
}
