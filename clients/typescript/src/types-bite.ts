// Calls the contract forbids, each of which must fail to compile. `tsc --strict --noEmit` (npm run typecheck) fails
// if an `@ts-expect-error` line below does NOT have an error, so this file proves the generated types bite: if the
// contract or the generator stopped catching one of these, CI would go red. Never run, only type-checked.
import type { Schemas, UbcsClient } from "./client.ts";

export async function callsTheTypesRefuse(api: UbcsClient, caseId: string, etag: string): Promise<void> {
  const decision: Schemas["DecisionInput"] = {
    outcome: "APPLY_POLICY",
    decidedOn: "2026-11-02",
    reasons: "Unreasonably persistent contact.",
    customerToldOn: "2026-11-03",
    reviewOn: "2027-05-02",
  };

  // An update without If-Match (the service would answer 428).
  await api.POST("/cases/{caseId}/decision", {
    // @ts-expect-error Property '"If-Match"' is missing: header parameters are required where the contract says so.
    params: { path: { caseId }, header: {} },
    body: decision,
  });

  // A value outside an enum (the service would answer 400).
  await api.POST("/cases/{caseId}/decision", {
    params: { path: { caseId }, header: { "If-Match": etag } },
    body: {
      ...decision,
      // @ts-expect-error "APPLY" is not a DecisionOutcome ("APPLY_POLICY" | "DO_NOT_APPLY_POLICY").
      outcome: "APPLY",
    },
  });

  // A restriction whose terms carry another variant's fields: a contact cap with a single point of contact's officer.
  const mixed: Schemas["RestrictionInput"] = {
    terms: {
      type: "CONTACT_CAP",
      maxContacts: 3,
      per: "WEEK",
      // @ts-expect-error 'officer' does not exist in type ContactCap: the union is discriminated by `type`.
      officer: { name: "Rhian Evans" },
    },
    scope: "ALL_MATTERS",
    startsOn: "2026-11-03",
    reasons: "Repeated contact with several officers.",
  };

  // A variant missing its own required field: a single point of contact with no officer.
  const incomplete: Schemas["RestrictionInput"] = {
    // @ts-expect-error Property 'officer' is missing in type SinglePointOfContact.
    terms: { type: "SINGLE_POINT_OF_CONTACT" },
    scope: "THIS_MATTER",
    startsOn: "2026-11-03",
    reasons: "All contact through one officer.",
  };

  // A path the contract does not have (a typo).
  // @ts-expect-error "/case/{caseId}" is not a path of the contract.
  await api.GET("/case/{caseId}", { params: { path: { caseId } } });

  // An answer's fields are typed too: a case's status is a CaseStatus, never an arbitrary string.
  const read = await api.GET("/cases/{caseId}", { params: { path: { caseId } } });
  // @ts-expect-error "DECIDED" is not a CaseStatus, so this comparison can never be true.
  if (read.data?.status === "DECIDED") {
    throw new Error("unreachable");
  }

  void mixed;
  void incomplete;
}
