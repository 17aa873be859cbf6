package org.ubcs.register;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Register entries for tests, made through the API under a profile that keeps the register: written by one person,
 * approved by another, each with its own UPRN so that a lookup finds it alone.
 */
public final class RegisterEntries {

    public static final String AUTHOR = "reg-author";
    public static final String APPROVER = "reg-approver";
    public static final String APPROVER_NAME = "Hilary Head";

    private RegisterEntries() {
    }

    public record Entry(String id, String uprn, String fullName) {
    }

    public static RequestSpecification author() {
        return Api.asUser(AUTHOR, "Alex Author", "COMPLAINTS_OFFICER");
    }

    public static RequestSpecification approver() {
        return Api.asUser(APPROVER, APPROVER_NAME, "DECISION_MAKER");
    }

    /** The contract's example entry, about this entry's person and UPRN, at this risk level. */
    public static String content(Entry entry, String riskLevel) {
        return """
                {"person":{"fullName":"%s","dateOfBirth":"1970-04-01","connection":"Lives at the address."},
                 "property":{"address":{"line1":"12 Hill Street","town":"Stoke-on-Trent","postcode":"ST4 1AA"},
                  "uprn":"%s"},
                 "incidents":[{"occurredOn":"%s","whatHappened":"Shouted threats to harm the housing officer.",
                  "witnessedBy":"Housing officer J. Smith","source":"Incident report IR-2026-0412"}],
                 "riskLevel":"%s","precautions":[{"code":"VISIT_IN_PAIRS"}],
                 "communication":{"channels":["LETTER"],"arrangements":"Letters to the tenant."}}"""
                .formatted(entry.fullName(), entry.uprn(), incidentOn(), riskLevel);
    }

    private static LocalDate incidentOn() {
        return Fixtures.TODAY.minusDays(30);
    }

    /** A new entry written by the author and put in force by the approver. */
    public static Entry inForce() {
        String uprn = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        Entry draft = new Entry(null, uprn, "Sam Example " + uprn);
        ExtractableResponse<Response> created = author().body(content(draft, "HIGH")).post("/register-entries")
                .then().statusCode(201).extract();
        String id = created.path("id");
        approver().header("If-Match", created.header("ETag")).post("/register-entries/" + id + "/approval").then()
                .statusCode(200).body("state", equalTo("APPROVED"));
        return new Entry(id, uprn, draft.fullName());
    }
}
