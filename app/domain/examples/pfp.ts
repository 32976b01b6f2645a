// The Positive Families Partnership social outcomes contract (seed 003, sections 3.1
// and 3.2) as data: the worked example the product must handle completely. Used by
// the demo workspace and by tests.
import type { Vignette } from "../referral-criteria";
import type { Commitments } from "../referral-commitments";
import type { OutcomeFramework } from "../outcome-framework";
import type { ReferralCriteria } from "../referral-criteria";

export const PFP_FRAMEWORK: OutcomeFramework = {
  schemaVersion: 1,
  domains: [],
  serviceQualities: [],
  goal: "Young people aged 10 to 16 on the edge of care stay safely at home, through improved family functioning and a better ability to manage challenging behaviour and relationships.",
  outcomes: [
    {
      id: "pfp-out-of-care",
      title: "Stays out of care",
      description: "The young person lives at home, not in care, week after week in the two years after the intervention.",
      definition:
        "For every seven consecutive days recorded as 'not in care' during the two-year tracking period after the intervention, one outcome payment. Eligible once the family has engaged for at least 28 days; payments start 11 weeks (FFT) or 17 weeks (MST) after the first family meeting.",
      dataSource: "Borough children's social care placement records (care placement status of each referred young person).",
      validationMethod: "Monthly matching of referred young people against borough placement records; invoices six weeks in arrears of the tracking period; quarterly claims to The National Lottery Community Fund.",
      baseline: "Counterfactual estimated by Social Finance from historical edge-of-care data: the share of similar young people who would have entered care without the intervention.",
      target: "Capped at payments equal to a 75% success rate for the first 384 cases.",
      measurementTiming: "Weekly status, tracked for two years after the intervention; paid monthly.",
      measureType: "cumulative",
      linkedToPayment: true,
      ownerOrganisation: "Positive Families Partnership",
      tags: ["commissioner priority"],
      domainId: "",
      source: "",
      sourceRef: "",
      indicators: [
        { id: "pfp-ind-weeks", title: "Seven-day periods not in care", definition: "Count of complete seven-day periods recorded as not in care.", dataSource: "Placement records", baseline: "", target: "", source: "", sourceRef: "" },
        { id: "pfp-ind-engaged", title: "Engaged for 28 days", definition: "The family has engaged with the service offer for at least 28 days.", dataSource: "PFP case records", baseline: "", target: "", source: "", sourceRef: "" },
      ],
    },
    ...(
      [
        ["pfp-wellbeing", "Mental health and wellbeing", "Improved mental health and wellbeing of the young person."],
        ["pfp-education", "Education", "Better school attendance and engagement."],
        ["pfp-crime", "Crime, violence and antisocial behaviour", "Less offending, violence and antisocial behaviour."],
        ["pfp-substances", "Substance misuse", "Less use of drugs and alcohol."],
      ] as const
    ).map(([id, title, description]) => ({
      id,
      title,
      description,
      definition: "",
      dataSource: "PFP case records and MST/FFT quality assurance data.",
      validationMethod: "",
      baseline: "Assessed at the first family meeting with the MST or FFT standard measures.",
      target: "",
      measurementTiming: "At the first family meeting and at the end of the intervention.",
      measureType: "progression" as const,
      linkedToPayment: false,
      ownerOrganisation: "Positive Families Partnership",
      tags: ["wider outcome"],
      domainId: "",
      source: "",
      sourceRef: "",
      indicators: [],
    })),
  ],
};

export const PFP_BEHAVIOURS = [
  "physically aggressive",
  "verbally aggressive",
  "absconds or goes missing",
  "at risk of or engaging in child sexual exploitation",
  "uses drugs or alcohol",
  "makes threats or harms others",
  "at risk of criminal exploitation (gang affiliation)",
  "experiences poor parental behaviours, e.g. neglect",
  "struggles with self-identity",
  "self-harming (not suicidal)",
  "criminal behaviour",
];

export const PFP_CRITERIA: ReferralCriteria = {
  schemaVersion: 1,
  inclusions: [
    { kind: "age-range", id: "age", label: "Aged 11 to 16", min: 11, max: 16, exceptionMin: 10, exceptionMax: 17 },
    { kind: "risk-of-care", id: "risk", label: "Significant risk of care, custody or residential school if problems persist", atLeast: "significant" },
    { kind: "at-least-one-behaviour", id: "behaviours", label: "At least one referral behaviour", options: PFP_BEHAVIOURS },
    { kind: "living-situation", id: "living", label: "Living at home with an agreed caregiver, or in care with a plan to return home", allowed: ["family-home", "main-caregiver"], returnHomeWithinWeeks: 3 },
  ],
  exclusions: [
    { kind: "exclusion", id: "independent", label: "Lives independently or no primary caregiver can be identified", concern: "no-caregiver" },
    { kind: "exclusion", id: "suicidal", label: "Current concerns about suicidal or homicidal behaviour", concern: "suicidal-or-homicidal" },
    { kind: "exclusion", id: "psychiatric", label: "Psychiatric problems are the main reason for referral", concern: "psychiatric-primary" },
    { kind: "exclusion", id: "sexualised", label: "Problem sexualised behaviour in the absence of other antisocial behaviour", concern: "sexualised-only" },
    { kind: "exclusion", id: "social-communication", label: "Severe difficulties with social communication, interaction and repetitive behaviours", concern: "social-communication" },
  ],
};

export const PFP_PATHWAY = [
  { id: "clinic", title: "Consultation clinic with social workers", owner: "PFP and borough social work" },
  { id: "form", title: "Referral form completed", owner: "Social worker" },
  { id: "approval", title: "Approval by the local operational lead", owner: "Borough operational lead" },
  { id: "panel", title: "Local edge-of-care panel decides suitability and risk of care", owner: "Borough practitioners and PFP supervisors" },
  { id: "allocation", title: "Intervention allocated (MST or FFT)", owner: "PFP and intervention supervisors" },
];

// 384 referrals over three and a half years across five boroughs (about 110 a year).
export const PFP_COMMITMENTS: Commitments = {
  partners: [
    { id: "sutton", partner: "London Borough of Sutton", minimumPerYear: 22, expectedPerYear: 24 },
    { id: "merton", partner: "London Borough of Merton", minimumPerYear: 22, expectedPerYear: 20 },
    { id: "bexley", partner: "London Borough of Bexley", minimumPerYear: 22, expectedPerYear: 22 },
    { id: "newham", partner: "London Borough of Newham", minimumPerYear: 22, expectedPerYear: 26 },
    { id: "tower-hamlets", partner: "London Borough of Tower Hamlets", minimumPerYear: 22, expectedPerYear: 17 },
  ],
  rolloverPercent: 10,
  balanceAcrossPartners: true,
};

export const PFP_VIGNETTES: (Vignette & { id: string; title: string })[] = [
  {
    id: "v1",
    title: "Fourteen, missing from home, at home with mum",
    age: 14,
    behaviours: ["absconds or goes missing", "verbally aggressive"],
    livingSituation: "family-home",
    weeksToReturnHome: null,
    riskOfCare: "significant",
    concerns: [],
    notes: "Repeated missing episodes over the last two months; mum is struggling to set boundaries.",
  },
  {
    id: "v2",
    title: "Ten, aggressive at school and at home",
    age: 10,
    behaviours: ["physically aggressive"],
    livingSituation: "main-caregiver",
    weeksToReturnHome: null,
    riskOfCare: "significant",
    concerns: [],
    notes: "Lives with grandmother; two exclusions from primary school this term.",
  },
  {
    id: "v3",
    title: "Fifteen, in a short-term placement, returning in two weeks",
    age: 15,
    behaviours: ["uses drugs or alcohol"],
    livingSituation: "short-term-care",
    weeksToReturnHome: 2,
    riskOfCare: "significant",
    concerns: [],
    notes: "Placed after a family breakdown; plan agreed to return home.",
  },
  {
    id: "v4",
    title: "Sixteen, psychiatric concerns the main issue",
    age: 16,
    behaviours: ["self-harming (not suicidal)"],
    livingSituation: "family-home",
    weeksToReturnHome: null,
    riskOfCare: "medium",
    concerns: ["psychiatric-primary"],
    notes: "Under CAMHS; behaviour at home is settled.",
  },
];
