// The set-up walk: real records for the fuzzer's requests to name, made through the API with the contract's own
// request examples (so the walk also proves that they work, given what they say must exist first), dated around
// today where the example's fixed dates would break the service's date-order rules. Every step must succeed.
import type { Contract } from "./contract.ts";
import { plusDays } from "./values.ts";

export type Send = (role: string | null, method: string, path: string,
  init?: { body?: unknown; headers?: Record<string, string> }) => Promise<Sent>;

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Ids by kind (customerId, caseId, evidenceEntryId, ...), for path parameters and body fields. */
export type Ids = Map<string, string[]>;

export async function setUp(contract: Contract, send: Send, today: string): Promise<Ids> {
  const ids: Ids = new Map();
  const keep = (kind: string, id: string | undefined) => {
    if (id !== undefined) ids.set(kind, [...(ids.get(kind) ?? []), id]);
  };
  const example = (method: string, path: string): Record<string, unknown> => {
    const media = contract.deref(contract.document.paths[path][method.toLowerCase()].requestBody).content["application/json"];
    return structuredClone(media.example ?? contract.deref(Object.values<{ $ref?: string; value?: unknown }>(media.examples)[0]!).value);
  };
  const must = async (status: number, role: string, method: string, path: string, body?: unknown, ifMatch?: string) => {
    const sent = await send(role, method, path, { body, headers: ifMatch === undefined ? {} : { "If-Match": ifMatch } });
    if (sent.status !== status) {
      throw new Error(`set-up walk: ${method} ${path} as ${role}: expected ${status}, got ${sent.status}\n${sent.text}`);
    }
    return sent;
  };
  const etag = async (path: string) => (await must(200, "POLICY_OWNER", "GET", path)).headers.get("ETag")!;

  // A customer, and a case taken to its decision with restrictions.
  const customer = (await must(201, "COMPLAINTS_OFFICER", "POST", "/customers", example("POST", "/customers"))).json;
  keep("customerId", customer.id);
  const referral = { ...example("POST", "/cases"), customerId: customer.id, referredOn: plusDays(today, -60) };
  const decided = (await must(201, "COMPLAINTS_OFFICER", "POST", "/cases", referral)).json;
  const caseId: string = decided.id;
  keep("caseId", caseId);
  const cases = `/cases/${caseId}`;
  const evidence = { ...example("POST", "/cases/{caseId}/evidence"), occurredAt: `${plusDays(today, -30)}T09:15:00Z` };
  keep("evidenceEntryId", (await must(201, "COMPLAINTS_OFFICER", "POST", `${cases}/evidence`, evidence)).json.id);
  const warning = { ...example("POST", "/cases/{caseId}/prior-warning"),
    explanationGivenOn: plusDays(today, -20), sentOn: plusDays(today, -14) };
  await must(200, "COMPLAINTS_OFFICER", "POST", `${cases}/prior-warning`, warning, await etag(cases));
  await must(200, "COMPLAINTS_OFFICER", "PUT", `${cases}/preconditions`, example("PUT", "/cases/{caseId}/preconditions"), await etag(cases));
  await must(200, "COMPLAINTS_OFFICER", "POST", `${cases}/assessment`, example("POST", "/cases/{caseId}/assessment"), await etag(cases));
  const decision = example("POST", "/cases/{caseId}/decision") as { restrictions: { startsOn: string }[] };
  decision.restrictions.forEach((r) => { r.startsOn = today; });
  const applied = (await must(200, "DECISION_MAKER", "POST", `${cases}/decision`,
    { ...decision, decidedOn: today, customerToldOn: today, reviewOn: sixMonthsAfter(today) }, await etag(cases))).json;
  keep("decisionId", applied.decision.id);

  // The matter closed, so that a letter about it is read and filed for screening. (No review task can be made
  // here: a decision made today is reviewed in six months at the earliest.)
  const closed = { ...example("POST", "/cases/{caseId}/restrictions"), terms: { type: "MATTER_CLOSED", acknowledge: true },
    scope: "THIS_MATTER", startsOn: today };
  await must(201, "DECISION_MAKER", "POST", `${cases}/restrictions`, closed);
  const letter = await must(200, "CONTACT_CENTRE", "POST", "/contact-checks",
    { customerId: customer.id, caseId, channel: "LETTER", record: true });
  if (letter.json.readAndFileItemId === undefined) throw new Error(`set-up walk: a letter on the closed matter: ${letter.text}`);

  // An appeal against it; a second case, only referred, with a legal hold; an emergency restriction.
  const appeal = { ...example("POST", "/appeals"), decisionId: applied.decision.id, receivedOn: today };
  keep("appealId", (await must(201, "COMPLAINTS_OFFICER", "POST", "/appeals", appeal)).json.id);
  const referred = (await must(201, "COMPLAINTS_OFFICER", "POST", "/cases", { ...example("POST", "/cases"), customerId: customer.id })).json;
  keep("caseId", referred.id);
  keep("holdId", (await must(201, "LEGAL", "POST", `/cases/${referred.id}/holds`, example("POST", "/cases/{caseId}/holds"))).json.id);
  const emergency = { ...example("POST", "/emergency-restrictions"), customerId: customer.id, endsOn: plusDays(today, 14) };
  await must(201, "DECISION_MAKER", "POST", "/emergency-restrictions", emergency);
  keep("overrideId", (await must(201, "POLICY_OWNER", "POST", "/calendar/overrides", example("POST", "/calendar/overrides"))).json.id);

  // A register entry, approved, so that its review task exists.
  const entry = (await must(201, "COMPLAINTS_OFFICER", "POST", "/register-entries", example("POST", "/register-entries"))).json;
  keep("entryId", entry.id);
  const entryPath = `/register-entries/${entry.id}`;
  await must(200, "DECISION_MAKER", "POST", `${entryPath}/approval`, undefined, await etag(`${entryPath}?purpose=OTHER`));

  // What the steps above made as a consequence: restrictions, letters, review tasks, filed items, jobs.
  const list = async (path: string, kind: string, field = "id") => {
    const items = (await must(200, "POLICY_OWNER", "GET", path)).json;
    for (const item of Array.isArray(items) ? items : items.items) keep(kind, item[field]);
  };
  await list(`/restrictions?customerId=${customer.id}`, "restrictionId");
  await list(`/customers/${customer.id}/letters`, "letterId");
  await list("/reviews", "reviewId");
  await list("/register-reviews", "registerReviewId");
  await list("/read-and-file-items", "itemId");
  await list("/jobs", "jobName", "name");
  return ids;
}

/** Stoke-on-Trent's decisions stand for six months exactly, reviewed then: the one review date every profile allows. */
function sixMonthsAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 6);
  return d.toISOString().slice(0, 10);
}

/** The kind of id a parameter or field names: `entryId` is an evidence entry under a case, else a register entry. */
export function idKind(name: string, path: string): string {
  if (name === "entryId" && path.startsWith("/cases/")) return "evidenceEntryId";
  if (name === "reviewId" && path.startsWith("/register-reviews/")) return "registerReviewId";
  return name;
}
