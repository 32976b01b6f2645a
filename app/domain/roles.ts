/** The roles a member can hold in a workspace (exactly one each). */
export const ROLES = [
  "facilitator",
  "commissioner",
  "provider",
  "investor",
  "service-user",
  "evaluator",
  "observer",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  facilitator: "Facilitator",
  commissioner: "Commissioner",
  provider: "Provider",
  investor: "Investor",
  "service-user": "Service user",
  evaluator: "Evaluator",
  observer: "Observer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  facilitator: "Runs market-warming days and workshops; manages members.",
  commissioner: "Frames the problem, outcomes and payment envelope; runs the tender; manages members.",
  provider: "Shapes a deliverable framework and referral criteria; bids.",
  investor: "Tests the payment model against risk; joins consortium bids.",
  "service-user": "Says what a good outcome looks like to them.",
  evaluator: "Reads, comments and scores bids after a conflict-of-interest declaration.",
  observer: "Reads and follows along.",
};

export const ORGANISATION_TYPES = ["local-authority", "provider", "investor", "national-funder", "other"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  "local-authority": "Local authority",
  provider: "Provider",
  investor: "Investor",
  "national-funder": "National funder",
  other: "Other",
};

/**
 * How a service user appears to everyone else, on every path (presence, activity,
 * comments): a young person's contribution carries no identity.
 */
export const SERVICE_USER_DISPLAY_NAME = "A young person";

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
