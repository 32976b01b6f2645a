import { describe, expect, it } from "vitest";
import { checkRecordPackage, checkRelease, checkReleasePackage, reportOk } from "./ocds-check";
import { ocdsReleases, recordPackage, releasePackage, type OcdsFacts } from "./ocds";
import { mergePatch, ocdsMergeRules, patchedReleaseSchema } from "./ocds-schema";

const base = "https://oc.example/api/v1/procurements/p1/ocds";

function facts(over: Partial<OcdsFacts> = {}): OcdsFacts {
  return {
    prefix: "ocds-ocdemo",
    procurementId: "p1",
    packageBase: base,
    publisher: "Outcome Commons",
    buyer: { id: "org-lb-merton", name: "London Borough of Merton" },
    title: "Pan-London edge-of-care social outcomes contract",
    summary: "Edge-of-care services for young people aged 10–16.",
    procedure: "competitive-flexible",
    shape: "restricted",
    lightTouch: true,
    stage: "clarification",
    timeline: { "tender-notice": "2027-01-10T09:00:00.000Z", "bid-deadline": "2027-02-20T12:00:00.000Z", enquiryEndsAt: "2027-02-10T12:00:00.000Z", evaluation: "2027-02-21T09:00:00.000Z", "award-decision": "2027-03-10T09:00:00.000Z" },
    createdAt: "2026-11-01T09:00:00.000Z",
    publicSince: "2026-11-02T09:00:00.000Z",
    engagement: {
      events: [{ id: "ev1", title: "Market-warming day", startsAt: "2026-12-01T09:30:00.000Z", endsAt: "2026-12-01T16:00:00.000Z", done: true }],
      documents: [{ id: "outcomes-v1", documentType: "technicalSpecifications", title: "Outcome framework: For the market-warming day", url: "https://oc.example/opportunities/p1#outcomes", datePublished: "2026-11-20T10:00:00.000Z", format: "text/html" }],
    },
    tender: {
      publishedAt: "2027-01-10T09:00:00.000Z",
      documents: [{ id: "tender-notice", documentType: "tenderNotice", title: "Tender notice", url: "https://oc.example/opportunities/p1", datePublished: "2027-01-10T09:00:00.000Z" }],
      maxValuePence: 1_142_000_050,
      criteria: "Quality 40%, price 60%.",
      enquiries: [
        { id: "q1", askedAt: "2027-01-12T10:00:00.000Z", askedBy: "Organisation 2", question: "Is the cap per borough?", answer: "No: one cap for the contract.", answeredAt: "2027-01-13T10:00:00.000Z" },
        { id: "q2", askedAt: "2027-01-14T10:00:00.000Z", askedBy: "Organisation 5", question: "May an investor join later?", answer: "Only before submission.", answeredAt: "2027-01-15T10:00:00.000Z" },
      ],
    },
    award: null,
    ...over,
  };
}

const awarded: Partial<OcdsFacts> = {
  stage: "standstill",
  award: {
    decidedAt: "2027-03-10T09:00:00.000Z",
    reasons: "Highest combined score.",
    standstillEndsAt: "2027-03-22T09:00:00.000Z",
    supplier: { id: "org-pfp", name: "Positive Families Partnership" },
    consortium: [{ id: "org-bridges", name: "Bridges Outcomes Partnerships", role: "investor" }, { id: "org-fa", name: "Family Action", role: "delivery" }],
    maxValuePence: 1_100_000_000,
    documents: [{ id: "contract-model", documentType: "contractSchedule", title: "Payment model: Contract", url: "https://oc.example/opportunities/p1#award", datePublished: "2027-03-10T09:00:00.000Z" }],
    inForceAt: null,
    bids: { submitted: 2, valid: 2, smallPrime: 0, closedAt: "2027-02-20T12:00:00.000Z" },
  },
};

describe("OCDS releases", () => {
  it("validate against the 1.1.5 schema with both extensions, from planning to contract", () => {
    const f = facts({ ...awarded, stage: "contract", award: { ...awarded.award!, inForceAt: "2027-03-22T09:00:00.000Z" } });
    const releases = ocdsReleases(f);
    expect(releases.map((r) => r.tag.join("+"))).toEqual(["planning", "tender", "tenderUpdate", "tenderUpdate", "award+contract", "awardUpdate+contractUpdate"]);
    const report = checkReleasePackage(releasePackage(f, releases), "ocds-ocdemo");
    expect(report).toEqual({ schemaErrors: [], additionalFields: [], deprecatedFields: [], codelistErrors: [], duplicateIds: [], duplicateReleases: [], ocidErrors: [] });
    const record = recordPackage(f, releases, ocdsMergeRules());
    expect(reportOk(checkRecordPackage(record, "ocds-ocdemo"))).toBe(true);
    const compiled = record.records[0]!.compiledRelease as Record<string, any>;
    expect(compiled.tag).toEqual(["compiled"]);
    expect(compiled.awards[0].status).toBe("active");
    expect(compiled.tender.enquiries).toHaveLength(2);
    expect(compiled.bids.statistics.find((s: { measure: string }) => s.measure === "bids").value).toBe(2);
    // Amounts in pounds, exactly: 1,142,000,050 pence is £11,420,000.50.
    expect(JSON.stringify(compiled.tender.value)).toBe('{"amount":11420000.5,"currency":"GBP"}');
  });

  it("say nothing of bids before the award", () => {
    const releases = ocdsReleases(facts());
    const text = JSON.stringify(releases);
    expect(text).not.toMatch(/"bids"|"awards"|"contracts"|numberOfTenderers|tenderer|supplier/);
  });

  it("name askers only by their pseudonym", () => {
    const releases = ocdsReleases(facts());
    // The notice itself has no answers yet; each answer comes in a tender update.
    expect((releases[1] as Record<string, any>).tender.hasEnquiries).toBe(false);
    const tender = releases.at(-1)! as Record<string, any>;
    expect(tender.tender.enquiries).toHaveLength(2);
    expect(tender.tender.enquiries[0].author).toEqual({ id: "enquirer-organisation-2", name: "Organisation 2" });
    expect(tender.parties.map((p: { roles: string[] }) => p.roles[0])).toEqual(["buyer", "enquirer", "enquirer"]);
  });
});

describe("the OCDS check", () => {
  const good = () => structuredClone(ocdsReleases(facts(awarded)).at(-1)!) as Record<string, any>;

  it("reports a value outside a closed codelist", () => {
    const r = good();
    r.tender.status = "open-for-bids";
    const report = checkRelease(r, "ocds-ocdemo");
    expect(report.codelistErrors).toEqual([{ path: "/tender/status", value: "open-for-bids", codelist: "tenderStatus.csv" }]);
    expect(report.schemaErrors.some((e) => e.path === "/tender/status")).toBe(true);
  });

  it("reports additional and deprecated fields", () => {
    const r = good();
    r.tender.sealedBidCount = 2;
    r.awards[0].amendment = { rationale: "x" };
    const report = checkRelease(r, "ocds-ocdemo");
    expect(report.additionalFields).toEqual(["/tender/sealedBidCount"]);
    expect(report.deprecatedFields).toEqual(["/awards/0/amendment"]);
  });

  it("reports repeated ids, repeated releases and a foreign prefix", () => {
    const r = good();
    r.parties.push(structuredClone(r.parties[0]));
    expect(checkRelease(r, "ocds-ocdemo").duplicateIds).toEqual([{ path: `/parties/${r.parties.length - 1}`, id: r.parties[0].id }]);
    expect(checkRelease(good(), "ocds-zzzzzz").ocidErrors[0]!.message).toContain("ocds-zzzzzz");
    const pkg = releasePackage(facts(awarded), [good() as never, good() as never]);
    expect(checkReleasePackage(pkg, "ocds-ocdemo").duplicateReleases).toEqual(["/releases/1"]);
  });

  it("reports schema errors, such as a missing ocid or a malformed date", () => {
    const r = good();
    delete r.ocid;
    r.date = "10 March 2027";
    const paths = checkRelease(r, "ocds-ocdemo").schemaErrors.map((e) => e.path);
    expect(paths).toContain("/");
    expect(paths).toContain("/date");
  });
});

describe("extensions as merge patches", () => {
  it("follow RFC 7396", () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })).toEqual({ a: 1, b: { d: 3, e: 4 }, f: [1] });
  });
  it("add bids and enquiries to the release schema", () => {
    const s = patchedReleaseSchema() as Record<string, any>;
    expect(s.properties.bids.$ref).toBe("#/definitions/Bids");
    expect(s.definitions.Tender.properties.enquiries.items.$ref).toBe("#/definitions/Enquiry");
    // The core stays: Tender keeps its own fields.
    expect(s.definitions.Tender.properties.tenderPeriod).toBeDefined();
  });
  it("give the merge rules of the standard", () => {
    const rules = ocdsMergeRules();
    expect([...rules.omitWhenMerged].sort()).toEqual(["date", "id", "tag"]);
    expect(rules.wholeListMerge.has("parties.additionalIdentifiers")).toBe(true);
  });
});
