package org.ubcs.support;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Builds the situations tests start from through the API itself: customers, and cases walked to a given step. Each
 * call uses a fresh customer, so tests never depend on each other's data.
 */
public final class Fixtures {

    public static final String OFFICER = "COMPLAINTS_OFFICER";
    public static final String DECIDER = "DECISION_MAKER";
    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private Fixtures() {
    }

    /** A case as the API returns it, with the ETag needed for its next step. */
    public record Case(String id, String etag, String customerId) {
    }

    public static String customer(String fullName) {
        return Api.as(OFFICER).body("{\"fullName\":\"" + fullName + "\"}").post("/customers").then().statusCode(201)
                .extract().path("id");
    }

    /** The day the fixtures' cases were referred (on paper, before being entered): every later step follows it. */
    public static final LocalDate REFERRED_ON = TODAY.minusDays(60);

    public static String referralBody(String customerId, String classifications) {
        return """
                {"customerId":"%s","matter":"Pothole complaint, Mill Lane","department":"Highways",
                 "classifications":[%s],"background":"Forty emails in six weeks on a closed complaint.",
                 "documents":[{"title":"Stage 2 response","reference":"DMS-1"}],
                 "checklist":{"complaintsProcedureExhausted":true,"ombudsman":{"involved":true,"details":"No fault"},
                  "mpOrCouncillor":{"involved":false},"independentInvestigator":{"involved":false},"meetingHeld":true,
                  "alternativesTried":[{"alternative":"MEDIATION","result":"Declined"}]},"referredOn":"%s"}
                """.formatted(customerId, classifications, REFERRED_ON);
    }

    public static Case referred() {
        return referred("\"UNREASONABLY_PERSISTENT\"");
    }

    public static Case referred(String classifications) {
        String customer = customer("Case Customer " + UUID.randomUUID());
        ExtractableResponse<Response> created = Api.as(OFFICER).body(referralBody(customer, classifications))
                .post("/cases").then().statusCode(201).body("status", equalTo("REFERRED")).extract();
        return new Case(created.path("id"), created.header("ETag"), customer);
    }

    public static final String WARNING_LETTER = """
            {"type":"WARNING_LETTER","explanationGivenOn":"%s","sentOn":"%s","channel":"LETTER",
             "summary":"Asked the customer to write once a week."}""";

    public static final String ALL_PRECONDITIONS_MET = """
            {"complaintProperlyInvestigated":{"met":true,"note":"Stage 2"},"suitableCommunication":{"met":true},
             "deadlinesGiven":{"met":true},"noSignificantNewInformation":{"met":true},
             "councilsOwnMatter":{"met":true},"healthAndDisabilityConsidered":{"met":true,"note":"Large print"}}""";

    public static final String ASSESSMENT = """
            {"summary":"Contact continued after the warning.","recommendation":"APPLY_POLICY"}""";

    public static final String CONFERENCE = """
            {"heldOn":"%s","chair":"Head of Customer Services","servicesAttending":["Housing","Highways"],
             "summary":"Agreed a single point of contact.",
             "agreedActions":[{"action":"Name a contact","owner":"Housing manager","dueOn":"%s"}]}""";

    /** Takes a step and returns the case with its new ETag, failing unless the step succeeds. */
    public static Case step(Case kase, String role, String method, String subresource, String body) {
        String etag = Api.as(role).header("If-Match", kase.etag()).body(body)
                .request(method, "/cases/" + kase.id() + "/" + subresource).then().statusCode(200).extract()
                .header("ETag");
        return new Case(kase.id(), etag, kase.customerId());
    }

    /** Referred, warned, preconditions met and assessed: ready for a decision (or, if complex, a conference). */
    public static Case assessed(String classifications) {
        return assessed(referred(classifications));
    }

    /** Takes a referred case through the prior warning, the preconditions and the assessment. */
    public static Case assessed(Case referred) {
        Case kase = step(referred, OFFICER, "POST", "prior-warning",
                WARNING_LETTER.formatted(TODAY.minusDays(20), TODAY.minusDays(14)));
        kase = step(kase, OFFICER, "PUT", "preconditions", ALL_PRECONDITIONS_MET);
        return step(kase, OFFICER, "POST", "assessment", ASSESSMENT);
    }

    public static Case assessed() {
        return assessed("\"UNREASONABLY_PERSISTENT\"");
    }

    /** A case whose decision applied the policy yesterday, reviewed in three months. */
    public static Case applied() {
        return applied(assessed());
    }

    public static Case applied(Case assessed) {
        return step(assessed, DECIDER, "POST", "decision",
                decision("APPLY_POLICY", TODAY.minusDays(1), TODAY.minusDays(1), TODAY.plusMonths(3)));
    }

    /** A case for a customer with these communication needs (JSON array items), the policy applied. */
    public static Case appliedFor(String communicationNeeds) {
        return appliedForCustomer("{\"fullName\":\"Needs " + UUID.randomUUID() + "\",\"communicationNeeds\":["
                + communicationNeeds + "]}");
    }

    /** A case, the policy applied, for a customer recorded with this body (POST /customers). */
    public static Case appliedForCustomer(String customerBody) {
        String customer = Api.as(OFFICER).body(customerBody).post("/customers").then()
                .statusCode(201).extract().path("id");
        var created = Api.as(OFFICER).body(referralBody(customer, "\"UNREASONABLY_PERSISTENT\"")).post("/cases")
                .then().statusCode(201).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        return applied(assessed(kase));
    }

    /**
     * A case decided on {@code decidedOn} (the customer told the same day) with its review on {@code reviewOn}, dates
     * the API would now refuse (a review date already past, a decision before the warning): decided today as the
     * API allows, then moved back as time itself would.
     */
    public static Case decidedEarlier(LocalDate decidedOn, LocalDate reviewOn) {
        Case kase = decided(TODAY, TODAY.plusDays(1));
        UUID id = UUID.fromString(kase.id());
        TestServices.sql("update decision set decided_on = ?, customer_told_on = ?, review_on = ? where case_id = ?",
                decidedOn, decidedOn, reviewOn, id);
        TestServices.sql("update policy_case set next_review_on = ? where id = ?", reviewOn, id);
        return kase;
    }

    /** An assessed case decided on {@code decidedOn} (the customer told the same day), reviewed on {@code reviewOn}. */
    public static Case decided(LocalDate decidedOn, LocalDate reviewOn) {
        return step(assessed(), DECIDER, "POST", "decision", decision("APPLY_POLICY", decidedOn, decidedOn, reviewOn));
    }

    /**
     * A JSON date moved to the {@code ?::date} bound four times over, kept in the form it is stored in: an array
     * ({@code [2026,12,4]}, as Hibernate writes a LocalDate) stays an array, ISO text stays text.
     */
    public static String jsonDateLike(String stored) {
        return "case jsonb_typeof(" + stored + ") when 'array' then jsonb_build_array(extract(year from ?::date)::int, "
                + "extract(month from ?::date)::int, extract(day from ?::date)::int) else to_jsonb(?::text) end";
    }

    /**
     * Dates a case closed through the API to {@code closedOn}, as time itself would: the closed_on column and the
     * closure form's date together, the form's date in the form the service wrote it.
     */
    public static void closedOn(Case kase, LocalDate closedOn) {
        String day = closedOn.toString();
        int changed = TestServices.sql("update policy_case set closed_on = ?::date, closure = jsonb_set(closure, "
                + "'{closedOn}', " + jsonDateLike("closure -> 'closedOn'") + ") where id = ? and closure is not null",
                day, day, day, day, day, UUID.fromString(kase.id()));
        if (changed != 1) {
            throw new IllegalStateException("case " + kase.id() + " is not closed");
        }
    }

    /** Runs a scheduled job now, as the policy owner would; returns how many items it processed. */
    public static int runJob(String name) {
        return Api.as("POLICY_OWNER").post("/jobs/" + name + "/runs").then().statusCode(200)
                .extract().path("processed");
    }

    /** A restriction body under a decision, from today, for all matters unless the terms say otherwise. */
    public static String restriction(String terms) {
        return restriction(terms, "ALL_MATTERS");
    }

    public static String restriction(String terms, String scope) {
        return """
                {"terms":%s,"scope":"%s","startsOn":"%s","reasons":"Repeated abusive calls to several officers."}"""
                .formatted(terms, scope, TODAY);
    }

    /** Imposes a restriction and returns its id. */
    public static String impose(Case kase, String body) {
        return Api.as(DECIDER).body(body).post("/cases/" + kase.id() + "/restrictions").then().statusCode(201)
                .extract().path("id");
    }

    public static String decision(String outcome, LocalDate decidedOn, LocalDate toldOn, LocalDate reviewOn) {
        return """
                {"outcome":"%s","decidedOn":"%s","reasons":"Unreasonably persistent contact on a closed matter.",
                 "agreedActions":[{"type":"NAMED_CONTACT","details":"Highways complaints officer"},
                  {"type":"RESTRICTED_MEANS_OF_CONTACT"}],
                 "customerToldOn":"%s"%s}""".formatted(outcome, decidedOn, toldOn,
                reviewOn == null ? "" : ",\"reviewOn\":\"" + reviewOn + "\"");
    }
}
