// The workspace overview's cards: one per area the workspace holds, each saying where
// that area stands ("5 outcomes, 1 linked to payment · published 'v2' on 3 March 2026")
// and what needs doing. Areas the product does not have yet get no card. Pure: no I/O.
import type { Note } from "./board";
import type { OutcomeFramework, Problem } from "./outcome-framework";
import type { PaymentDesign } from "./payment/design";
import type { ReferralDesign } from "./referral-design";

export type LatestVersion = { name: string; createdAt: Date } | null;

export type OverviewInput = {
  workspaceId: string;
  framework: { model: OutcomeFramework; problems: Problem[]; latest: LatestVersion };
  referral: { design: ReferralDesign; problems: Problem[]; latest: LatestVersion };
  payment: { design: PaymentDesign; latest: LatestVersion };
  notes: Note[];
};

export type OverviewCard = {
  title: string;
  href: string;
  /** What the area holds now, in a sentence or two. */
  state: string[];
  /** The latest published version, or that none has been published. */
  published: string | null;
  /** What stands in the way of contracting on it, if anything. */
  attention: string | null;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// A fixed locale and time zone: the page reads the same whatever the server's settings.
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

function published(latest: LatestVersion): string {
  return latest ? `Published '${latest.name}' on ${DATE.format(latest.createdAt)}` : "No version published yet";
}

function attention(problems: { severity?: string; message: string }[]): string | null {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity !== "warning").length;
  return errors > 0 ? `${plural(errors, "problem")} to fix: ${problems[0]!.message}` : `${plural(problems.length, "thing")} to look at: ${problems[0]!.message}`;
}

/** The cards, in the order people work through them. */
export function overviewCards(input: OverviewInput): OverviewCard[] {
  const base = `/workspaces/${input.workspaceId}`;
  const { model: framework } = input.framework;
  const indicators = framework.outcomes.reduce((n, o) => n + o.indicators.length, 0);
  const linked = framework.outcomes.filter((o) => o.linkedToPayment).length;
  const { design: referral } = input.referral;
  const payment = input.payment.design;
  const model = payment.model;
  const payments = model?.components ?? [];
  // readPaymentDesign reports a document with no model at all as one problem at the root.
  const notStarted = model === null && payment.problems.every((p) => p.path === "");
  return [
    {
      title: "Outcome framework",
      href: `${base}/outcomes`,
      state:
        framework.outcomes.length === 0
          ? ["No outcomes yet."]
          : [`${plural(framework.outcomes.length, "outcome")}, ${linked} linked to payment, ${plural(indicators, "indicator")}.`],
      published: published(input.framework.latest),
      attention: attention(input.framework.problems),
    },
    {
      title: "Referral criteria",
      href: `${base}/referral`,
      state: [
        referral.criteria.inclusions.length + referral.criteria.exclusions.length === 0
          ? "No rules yet."
          : `${plural(referral.criteria.inclusions.length, "inclusion rule")}, ${plural(referral.criteria.exclusions.length, "exclusion")}, ${plural(referral.pathway.length, "pathway step")}.`,
        `${plural(referral.commitments.partners.length, "partner commitment")}, ${plural(referral.vignettes.length, "test case")}.`,
      ],
      published: published(input.referral.latest),
      attention: attention(input.referral.problems),
    },
    {
      title: "Payment model",
      href: `${base}/payment`,
      state: model
        ? [
            `${plural(payments.length, "payment")} (${plural(payments.filter((c) => c.kind === "outcome-event" || c.kind === "outcome-period").length, "outcome payment")}), ${plural(model.payers.length, "outcome payer")}${model.coFunder ? " and a co-funder" : ""}.`,
            `${plural(payment.scenarios.length, "forecast scenario")}.`,
          ]
        : notStarted
          ? ["Not started: start it blank or from the PFP template."]
          : ["The payment model does not validate yet."],
      published: published(input.payment.latest),
      attention: notStarted ? null : attention(payment.problems),
    },
    {
      title: "Board",
      href: `${base}/board`,
      state: [input.notes.length === 0 ? "No notes yet." : `${plural(input.notes.length, "note")}.`],
      published: null,
      attention: null,
    },
  ];
}
