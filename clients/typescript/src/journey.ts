// The journey a front end runs, through the typed client, against a running service: a customer; a case referred,
// evidence recorded, the prior warning given, the preconditions answered, assessed, and decided with its
// restrictions; contact checks; an appeal lodged and decided; the letters read. Every answer is checked (status and
// the key fields); the first that differs stops the journey with exit code 1.
//
//   BASE_URL=http://localhost:8080 npm run journey    (Node 22 from node_modules: it runs TypeScript as it is)
//
// Tokens, one per role: UBCS_TOKEN_<ROLE> (e.g. UBCS_TOKEN_DECISION_MAKER), else the file <ROLE>.jwt in TOKENS_DIR
// (by default ~/.ubcs/dev/tokens, where dev mode writes them). The decision maker and the appeal reviewer must be
// different people (different `sub`), and neither the complaints officer.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { etagOf, ubcsClient, type Role, type Schemas, type UbcsClient } from "./client.ts";

const baseUrl = process.env.BASE_URL ?? "http://localhost:8080";
const tokensDir = process.env.TOKENS_DIR ?? join(homedir(), ".ubcs", "dev", "tokens");

function token(role: Role): string {
  const fromEnv = process.env[`UBCS_TOKEN_${role}`];
  return (fromEnv ?? readFileSync(join(tokensDir, `${role}.jwt`), "utf8")).trim();
}

const officer = ubcsClient(baseUrl, token("COMPLAINTS_OFFICER"));
const decider = ubcsClient(baseUrl, token("DECISION_MAKER"));
const reviewer = ubcsClient(baseUrl, token("APPEAL_REVIEWER"));
const contactCentre = ubcsClient(baseUrl, token("CONTACT_CENTRE"));

let passed = 0;

function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) {
    console.error(`FAILED: ${what}${detail === undefined ? "" : `\n${JSON.stringify(detail, null, 2)}`}`);
    console.log(`journey: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`ok ${passed} - ${what}`);
}

/** The answer's body, after checking its status; a problem+json body is printed when the status differs. */
function expectStatus<T>(
  what: string,
  result: { data?: T; error?: unknown; response: Response },
  status: number,
): T {
  const got = result.response.status;
  check(got === status && result.data !== undefined, `${what}: ${status}`, got === status ? undefined : { got, body: result.error });
  return result.data as T;
}

// Calendar dates are decided in Europe/London.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** The first Sunday after `date`: no telephone window is open then. */
function nextSunday(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return plusDays(date, 7 - d.getUTCDay());
}

const run = Date.now().toString(36);
// A number of its own for each run, so that the journey also runs against a database that has seen it before.
const phone = `01604 ${String(Date.now() % 900000 + 100000)}`;

// 1. A customer.
const customerResult = await officer.POST("/customers", {
  body: {
    fullName: `Journey Customer ${run}`,
    email: `journey.${run}@example.org`,
    phone,
    address: { line1: "1 Mill Lane", town: "Cambridge", postcode: "CB3 0AP" },
    preferredChannel: "EMAIL",
  },
});
const customer = expectStatus("create a customer", customerResult, 201);
check(customerResult.response.headers.get("Location")?.endsWith(`/customers/${customer.id}`) === true,
  "the customer's Location names it");

// 2. The referral (Form A), on paper 60 days ago.
const referred = expectStatus("refer a case", await officer.POST("/cases", {
  body: {
    customerId: customer.id,
    matter: "Pothole complaint, Mill Lane",
    department: "Highways",
    classifications: ["UNREASONABLY_PERSISTENT"],
    background: "Forty emails in six weeks on a complaint closed at stage 2.",
    documents: [{ title: "Stage 2 response", reference: "DMS-2026-00417" }],
    checklist: {
      complaintsProcedureExhausted: true,
      ombudsman: { involved: true, details: "No fault found." },
      mpOrCouncillor: { involved: false },
      independentInvestigator: { involved: false },
      meetingHeld: true,
      alternativesTried: [{ alternative: "MEETING", result: "The customer left after ten minutes." }],
    },
    referredOn: plusDays(today, -60),
  },
}), 201);
check(referred.status === "REFERRED", "the case is REFERRED", referred);
const caseId = referred.id;
const params = { path: { caseId } };

// 3. Evidence.
const evidence = expectStatus("record evidence", await officer.POST("/cases/{caseId}/evidence", {
  params,
  body: {
    occurredAt: `${plusDays(today, -30)}T09:15:00Z`,
    channel: "TELEPHONE",
    officer: "J. Smith, Highways",
    behaviours: ["REPETITION", "ABUSIVE_OR_THREATENING_CONDUCT"],
    summary: "Fourth call this week on the closed complaint; shouted at the officer and ended the call.",
  },
}), 201);
check(evidence.caseId === caseId && evidence.sequence === 1, "the evidence is the case's first entry", evidence);

// 4. The prior warning: read the case for its ETag, as a front end would before an update.
const read = await officer.GET("/cases/{caseId}", { params });
expectStatus("read the case", read, 200);
const warned = await officer.POST("/cases/{caseId}/prior-warning", {
  params: { ...params, header: { "If-Match": etagOf(read.response) } },
  body: {
    type: "WARNING_LETTER",
    explanationGivenOn: plusDays(today, -20),
    sentOn: plusDays(today, -14),
    channel: "LETTER",
    summary: "Asked the customer to write once a week.",
  },
});
check(expectStatus("give the prior warning", warned, 200).status === "INFORMAL_STAGE_COMPLETED",
  "the informal stage is completed");

// A stale ETag is refused: the update another user made first is never overwritten.
const stale = await officer.POST("/cases/{caseId}/prior-warning", {
  params: { ...params, header: { "If-Match": etagOf(read.response) } },
  body: {
    type: "WARNING_LETTER",
    explanationGivenOn: plusDays(today, -20),
    sentOn: plusDays(today, -14),
    channel: "LETTER",
    summary: "The same warning, sent from a page read before the first was recorded.",
  },
});
check(stale.response.status === 412, "an update with a stale If-Match: 412", stale.error);

// 5. Preconditions and the assessment.
const answered = await officer.PUT("/cases/{caseId}/preconditions", {
  params: { ...params, header: { "If-Match": etagOf(warned.response) } },
  body: {
    complaintProperlyInvestigated: { met: true, note: "Stage 2 response." },
    suitableCommunication: { met: true },
    deadlinesGiven: { met: true },
    noSignificantNewInformation: { met: true },
    councilsOwnMatter: { met: true },
    healthAndDisabilityConsidered: { met: true, note: "No needs recorded." },
  },
});
expectStatus("answer the preconditions", answered, 200);
const assessed = await officer.POST("/cases/{caseId}/assessment", {
  params: { ...params, header: { "If-Match": etagOf(answered.response) } },
  body: { summary: "Contact continued after the warning.", recommendation: "APPLY_POLICY" },
});
check(expectStatus("record the assessment", assessed, 200).status === "ASSESSED", "the case is ASSESSED");

// 6. The decision, with its restrictions.
const restrictions: Schemas["RestrictionInput"][] = [
  {
    terms: {
      type: "SINGLE_POINT_OF_CONTACT",
      officer: { name: "Rhian Evans", email: "rhian.evans@example.gov.uk", phone: "01604 555 0101" },
    },
    scope: "THIS_MATTER",
    startsOn: today,
    reasons: "Forty emails in six weeks to different officers.",
  },
  {
    terms: {
      type: "TIME_WINDOWS",
      channels: ["TELEPHONE"],
      windows: [{ days: ["TUESDAY", "THURSDAY"], from: "10:00", to: "12:00" }],
    },
    scope: "ALL_MATTERS",
    startsOn: today,
    reasons: "Long calls every day taking officers from other customers.",
  },
];
const decidedResult = await decider.POST("/cases/{caseId}/decision", {
  params: { ...params, header: { "If-Match": etagOf(assessed.response) } },
  body: {
    outcome: "APPLY_POLICY",
    decidedOn: today,
    reasons: "Unreasonably persistent contact on a matter closed after the Ombudsman found no fault.",
    agreedActions: [{ type: "NAMED_CONTACT" }, { type: "RESTRICTED_MEANS_OF_CONTACT" }],
    customerToldOn: today,
    reviewOn: plusDays(today, 90),
    restrictions,
  },
});
const decided = expectStatus("record the decision with two restrictions", decidedResult, 200);
check(decided.status === "POLICY_APPLIED" && decided.decision !== undefined, "the policy is applied", decided);
const decisionId = decided.decision!.id;
const imposed = expectStatus("list the case's restrictions", await decider.GET("/restrictions", {
  params: { query: { caseId } },
}), 200);
check(imposed.items.length === 2 && imposed.items.every((r) => r.state === "ACTIVE" && r.decisionId === decisionId),
  "both restrictions are ACTIVE under the decision", imposed.items);

// 7. Contact checks, as the contact centre makes them.
const emailAboutMatter = expectStatus("contact check: an email about the matter", await contactCentre.POST(
  "/contact-checks", { body: { customerId: customer.id, channel: "EMAIL", caseId } }), 200);
check(emailAboutMatter.verdict === "REDIRECT_TO_NAMED_OFFICER" && emailAboutMatter.namedOfficer?.name === "Rhian Evans",
  "an email about the matter goes to Rhian Evans", emailAboutMatter);
check(emailAboutMatter.matters?.length === 1 && emailAboutMatter.matters[0]?.caseId === caseId,
  "the answer offers the customer's one open matter", emailAboutMatter.matters);
const sundayCall = expectStatus("contact check: a call on Sunday afternoon", await contactCentre.POST(
  "/contact-checks", { body: { customerId: customer.id, channel: "TELEPHONE", at: `${nextSunday(today)}T15:00:00Z` } }),
  200);
check(sundayCall.verdict === "OUTSIDE_PERMITTED_TIMES" && sundayCall.nextPermittedAt !== undefined,
  "a call on Sunday is outside the permitted times, with the next permitted time", sundayCall);
check(sundayCall.script.includes("Tuesday") && !sundayCall.script.includes("Forty"),
  "the script names the windows and never the reasons", sundayCall.script);
const byPhone = expectStatus("contact check: a caller known by phone number only", await contactCentre.POST(
  "/contact-checks", { body: { customer: { phone: `+44 (0)${phone.slice(1)}` }, channel: "LETTER" } }), 200);
check(byPhone.customerId === customer.id, "the phone number, written another way, finds the customer", byPhone);

// 8. An appeal, lodged and decided.
const lodged = await officer.POST("/appeals", {
  body: {
    decisionId,
    receivedOn: today,
    channel: "LETTER",
    grounds: ["DISPROPORTIONATE"],
    text: "Two hours a week by telephone is not enough for me.",
  },
});
const appeal = expectStatus("lodge an appeal", lodged, 201);
check(appeal.state === "LODGED", "the appeal is LODGED within the deadline", appeal);
const appealRead = await reviewer.GET("/appeals/{appealId}", { params: { path: { appealId: appeal.id } } });
expectStatus("read the appeal", appealRead, 200);
const appealDecided = expectStatus("decide the appeal", await reviewer.POST("/appeals/{appealId}/decision", {
  params: { path: { appealId: appeal.id }, header: { "If-Match": etagOf(appealRead.response) } },
  body: { outcome: "DISMISSED", reasons: "The windows are proportionate to the calls made.", customerToldOn: today },
}), 200);
check(appealDecided.state === "DECIDED" && appealDecided.decision?.outcome === "DISMISSED"
  && appealDecided.ombudsman !== undefined, "the appeal is dismissed and names the Ombudsman", appealDecided);

// 9. The letters.
const letters = expectStatus("read the case's letters", await officer.GET("/cases/{caseId}/letters", { params }), 200);
const kinds = letters.items.map((l) => l.kind);
check(["PRIOR_WARNING", "DECISION_TO_APPLY", "APPEAL_OUTCOME"].every((k) => kinds.includes(k as Schemas["LetterKind"])),
  "the prior warning, decision and appeal outcome letters are kept", kinds);
const decisionLetter = letters.items.find((l) => l.kind === "DECISION_TO_APPLY")!;
const letter = expectStatus("read the decision letter", await officer.GET("/letters/{letterId}", {
  params: { path: { letterId: decisionLetter.id } },
}), 200);
const words = letter.text.replace(/\s+/g, " ");
for (const sentence of [
  "Please write to Rhian Evans, your single point of contact, at rhian.evans@example.gov.uk, or telephone them on 01604 555 0101.",
  "You may telephone us on Tuesdays and Thursdays from 10:00 to 12:00.",
]) {
  check(words.includes(sentence), `the decision letter says: ${sentence}`, words);
}

console.log(`journey: ${passed} passed, 0 failed`);
