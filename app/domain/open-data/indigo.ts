// The workspace's outcomes contract in the shape of the Government Outcomes Lab's INDIGO
// 4.1 "project": outcome metrics, outcome pricings, outcome payment commitments by
// payer, investments and the link to the procurement's ocid. INDIGO's own schema has no
// licence, so it is not copied here: this module models the part of it the product
// fills, in zod, and the CI checks the exported demo against the official file.
// Pure: no I/O.
//
// INDIGO wraps most values in an object: {"value": ...}, and gives some amounts as
// strings (maximum_price_if_all_targets_achieved, maximum_potential_loss). Amounts are
// pence / 100 (exact in JSON, see ocds.ts); strings carry two decimals.
import { z } from "zod";
import type { OutcomeFramework } from "../outcome-framework";
import { maxPerParticipant } from "../payment/actuals";
import type { Scenario } from "../payment/forecast";
import { OUTCOME_KINDS, type PaymentModel } from "../payment/model";

const str = z.object({ value: z.string() }).strict();
const num = z.object({ value: z.number() }).strict();
const date = z.object({ value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/) }).strict();
const orgRef = z.object({ value: z.string().regex(/^INDIGO-ORG-/) }).strict();
const PAYER_CATEGORIES = ["Nonprofit/NGO", "Foundation/Philanthropist", "Government/Public Sector/Public Bank", "Multilateral/Bilateral/Intergovernmental Financial Institution", "Corporate Giving", "Investment Fund", "Other"] as const;
const INVESTOR_CATEGORIES = ["Nonprofit/NGO", "Foundation/Philanthropist", "Government/Public Sector/Public Bank", "Multilateral/Bilateral/Intergovernmental Financial Institution", "Corporate Giving", "Investment Fund", "High Net Worth Individual/Family Office/Private Bank", "Impact Investor", "Commercial"] as const;

export const IndigoProjectSchema = z
  .object({
    status: z.enum(["PUBLIC", "PRIVATE", "DISPUTED"]),
    name: str,
    stage_development: z.object({ value: z.enum(["Contracted", "Implementation", "Service delivery complete", "Complete"]) }).strict().optional(),
    dates: z.object({ outcomes_contract_signed: date.optional(), start_date_of_service_provision: date.optional() }).strict().optional(),
    purpose_and_classifications: z.object({ social_challenge: str.optional(), intervention: str.optional() }).strict().optional(),
    outcome_metrics: z.array(
      z
        .object({
          id: z.string(),
          definition: str,
          target_population: str.optional(),
          targeted_number_of_service_users_or_beneficiaries_total: num.optional(),
          outcome_metric_target: str.optional(),
          outcome_validation_method: str.optional(),
          data_source_for_outcome_validation: str.optional(),
          notes: z.string().optional(),
        })
        .strict(),
    ),
    outcome_pricings: z.array(
      z
        .object({
          outcome_metric_id: str,
          currency: str,
          price_per_unit: z.object({ amount: num }).strict(),
          maximum_price_if_all_targets_achieved: z.object({ amount: z.object({ value: z.string().regex(/^\d+\.\d{2}$/) }).strict() }).strict().optional(),
          price_description: str,
        })
        .strict(),
    ),
    outcome_payment_commitments: z.array(
      z
        .object({
          organisation_id: orgRef,
          organisation_role_category: z.object({ value: z.enum(PAYER_CATEGORIES) }).strict(),
          maximum_potential_outcome_payment: z.object({ currency: str, amount: num.optional() }).strict(),
          notes: z.string().optional(),
        })
        .strict(),
    ),
    investments: z.array(
      z
        .object({
          id: z.string(),
          organisation_id: orgRef,
          organisation_role_category: z.object({ value: z.enum(INVESTOR_CATEGORIES) }).strict(),
          investment_commitment: z.object({ currency: str, amount: z.object({ exact: num }).strict().optional() }).strict(),
          maximum_potential_loss: str,
          notes: z.string().optional(),
        })
        .strict(),
    ),
    open_contracting_datas: z.array(z.object({ ocid: z.string(), notes: z.string().optional() }).strict()),
    // At the project's top level INDIGO wraps notes like any value (in the arrays they are plain strings).
    notes: str.optional(),
  })
  .strict();
export type IndigoProject = z.infer<typeof IndigoProjectSchema>;

const ORGANISATION_TYPES = ["Registered company, partnership or commercial association", "Registered non-profit organisation, charity or foundation", "Government body", "Multilateral, bilateral or intergovernmental body", "Arrangement", "Crowdfunding", "Unregistered organisation", "Individual", "Collective"] as const;
export const IndigoOrganisationSchema = z
  .object({ id: z.string().regex(/^INDIGO-ORG-/), data: z.object({ status: z.literal("PUBLIC"), name: str, type: z.object({ value: z.enum(ORGANISATION_TYPES) }).strict().optional() }).strict() })
  .strict();

/** The export: INDIGO's project file shape ({id, data}) plus the organisations it refers to, in INDIGO's organisation shape. */
export const IndigoExportSchema = z
  .object({
    standard: z.literal("INDIGO 4.1 (project), as modelled by Outcome Commons"),
    id: z.string().regex(/^INDIGO-POJ-/),
    data: IndigoProjectSchema,
    organisations: z.array(IndigoOrganisationSchema),
  })
  .strict();
export type IndigoExport = z.infer<typeof IndigoExportSchema>;

export type IndigoFacts = {
  workspaceId: string;
  name: string;
  summary: string;
  framework: OutcomeFramework;
  /** The contract's payment model (the award's) or, before an award, the one being designed. */
  model: PaymentModel;
  contracted: boolean;
  contractSignedOn: string | null;
  /** The scenario the capital commitment is read from (the first, the median case in the demo). */
  scenario: Scenario | null;
  investors: { id: string; name: string }[];
  ocid: string | null;
};

const pounds = (pence: number) => pence / 100;
const poundsText = (pence: number) => `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;
const slug = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
export const indigoOrgId = (kind: string, key: string) => `INDIGO-ORG-OC-${kind}-${slug(key)}`;

export function indigoProject(f: IndigoFacts): IndigoExport {
  const payable = f.framework.outcomes.filter((o) => o.linkedToPayment);
  const rate = f.model.caps.totalFromSuccessRate;
  const cases = rate?.cases ?? null;
  const outcomes = f.model.components.filter((c) => (OUTCOME_KINDS as readonly string[]).includes(c.kind));
  const organisations = new Map<string, z.infer<typeof IndigoOrganisationSchema>>();
  const org = (kind: string, key: string, name: string, type?: (typeof ORGANISATION_TYPES)[number]) => {
    const id = indigoOrgId(kind, key);
    organisations.set(id, { id, data: { status: "PUBLIC", name: { value: name }, ...(type ? { type: { value: type } } : {}) } });
    return { value: id };
  };

  const metrics = outcomes.map((c) => {
    // The framework's outcome for this payment: the one linked to payment with the same
    // title, or the only one linked to payment.
    const linked = payable.find((o) => o.title.trim().toLowerCase() === c.name.trim().toLowerCase()) ?? (payable.length === 1 ? payable[0] : undefined);
    return {
      id: `outcomemetric-${c.id}`,
      definition: { value: linked ? `${c.name}: ${linked.definition || linked.title}` : c.name },
      ...(f.framework.goal ? { target_population: { value: f.framework.goal } } : {}),
      ...(cases !== null ? { targeted_number_of_service_users_or_beneficiaries_total: { value: cases } } : {}),
      ...(linked?.target ? { outcome_metric_target: { value: linked.target } } : {}),
      ...(linked?.validationMethod ? { outcome_validation_method: { value: linked.validationMethod } } : {}),
      ...(linked?.dataSource ? { data_source_for_outcome_validation: { value: linked.dataSource } } : {}),
    };
  });

  const pricings = outcomes.map((c) => {
    const tariff = c.kind === "outcome-event" || c.kind === "outcome-period" ? c.tariffPence : 0;
    const perOutcomeCap = f.model.caps.perOutcomePence[c.id];
    const allAchieved = perOutcomeCap ?? (cases !== null && c.kind === "outcome-period" ? cases * maxPerParticipant(c) : cases !== null ? cases * tariff : null);
    return {
      outcome_metric_id: { value: `outcomemetric-${c.id}` },
      currency: { value: f.model.currency },
      price_per_unit: { amount: { value: pounds(tariff) } },
      ...(allAchieved !== null ? { maximum_price_if_all_targets_achieved: { amount: { value: poundsText(allAchieved) } } } : {}),
      price_description: { value: c.kind === "outcome-period" ? `Per ${c.periodDays}-day period achieved, per participant, over a ${c.window.lengthDays}-day window` : "Per outcome achieved, per participant" },
    };
  });

  const payers = f.model.payers;
  const commitments = [
    ...payers.map((p) => {
      const own = f.model.caps.perPayerPence[p.id];
      return {
        organisation_id: org("PAYER", p.id, p.name, "Government body"),
        organisation_role_category: { value: "Government/Public Sector/Public Bank" as const },
        maximum_potential_outcome_payment: { currency: { value: f.model.currency }, ...(own !== undefined ? { amount: { value: pounds(own) } } : {}) },
        ...(own === undefined && payers.length > 1 ? { notes: "Shares the contract's total cap with the other outcome payers; no cap of its own." } : {}),
      };
    }),
    ...(f.model.coFunder
      ? [
          {
            organisation_id: org("COFUNDER", f.model.coFunder.name, f.model.coFunder.name),
            organisation_role_category: { value: "Other" as const },
            maximum_potential_outcome_payment: { currency: { value: f.model.currency }, ...(f.model.coFunder.capPence !== null ? { amount: { value: pounds(f.model.coFunder.capPence) } } : {}) },
            notes: `Co-funder: tops up each outcome payment by up to ${f.model.coFunder.topUpBps / 100}%.`,
          },
        ]
      : []),
  ];

  const committed = f.scenario?.finance.capitalCommitmentPence ?? null;
  const investments = f.investors.map((inv, i) => ({
    id: `investment${i + 1}`,
    organisation_id: org("INVESTOR", inv.id, inv.name),
    organisation_role_category: { value: "Impact Investor" as const },
    investment_commitment: { currency: { value: f.model.currency }, ...(committed !== null && f.investors.length === 1 ? { amount: { exact: { value: pounds(committed) } } } : {}) },
    // Investors fund delivery before outcome income arrives and are repaid only from it:
    // in the worst case every pound committed is lost.
    maximum_potential_loss: { value: "100%" },
    ...(committed !== null && f.investors.length > 1 ? { notes: `The consortium's investors commit ${poundsText(committed)} between them.` } : {}),
  }));

  const data: IndigoProject = {
    status: "PUBLIC",
    name: { value: f.name },
    ...(f.contracted ? { stage_development: { value: "Contracted" as const } } : {}),
    ...(f.contractSignedOn ? { dates: { outcomes_contract_signed: { value: f.contractSignedOn } } } : {}),
    ...(f.summary ? { purpose_and_classifications: { social_challenge: { value: f.summary } } } : {}),
    outcome_metrics: metrics,
    outcome_pricings: pricings,
    outcome_payment_commitments: commitments,
    investments,
    open_contracting_datas: f.ocid ? [{ ocid: f.ocid, notes: "The procurement this outcomes contract was tendered through, published as OCDS 1.1." }] : [],
    ...(f.contracted ? {} : { notes: { value: "Not yet contracted: the payment model is the one being designed." } }),
  };
  return IndigoExportSchema.parse({
    standard: "INDIGO 4.1 (project), as modelled by Outcome Commons",
    id: `INDIGO-POJ-OC-${f.workspaceId}`,
    data,
    organisations: [...organisations.values()],
  });
}
