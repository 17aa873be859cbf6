package org.ubcs.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ubcs.api.model.LetterKind;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.security.Actor;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Letters for the tests. The steps that issue letters (decisions, reviews, appeals) are wired elsewhere, so the
 * tests issue them as those steps will: {@link LetterService#issue} inside a transaction of the caller's, on a
 * Vert.x context. Everything else goes through the API.
 */
final class Letters {

    static final Actor OFFICER = new Actor("test-complaints_officer", "Test COMPLAINTS_OFFICER");
    static final String MATTER = "Pothole complaint, Mill Lane";
    static final String WHY = "Forty emails in six weeks to five officers about a complaint closed in March.";
    static final List<String> ACTIONS = List.of("Write to us by letter only, to the Customer Relations Team.",
            "Telephone calls only on Tuesdays between 10am and 12 noon.");

    private Letters() {
    }

    /** Issues a letter in a transaction of its own, as a step of the procedure would in its own. */
    static String issue(LetterService letters, LetterKind kind, String customerId, String caseId,
            LetterFacts facts) {
        try {
            UUID id = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> letters.issue(
                    OFFICER, kind, UUID.fromString(customerId), caseId == null ? null : UUID.fromString(caseId),
                    facts)));
            return id.toString();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer with a postal address; returns the id. */
    static String customer(String fullName) {
        return Api.as(Fixtures.OFFICER).body(Map.of("fullName", fullName, "address",
                Map.of("line1", "1 Mill Lane", "town", "Exampleton", "postcode", "EX1 2AB")))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    /** A case referred for the customer; returns its id. */
    static String caseFor(String customerId) {
        return Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customerId, "\"UNREASONABLY_PERSISTENT\""))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    /** A decision to apply the policy: reasons, two actions, from today, reviewed in six months. */
    static LetterFacts decision(LocalDate today) {
        return new LetterFacts(MATTER, WHY, ACTIONS, today, null, today.plusMonths(6), today.plusDays(21), null,
                null, true);
    }

    static ExtractableResponse<Response> read(String letterId) {
        return Api.as("DECISION_MAKER").get("/letters/" + letterId).then().statusCode(200).extract();
    }

    /**
     * The words as a reader sees them: markup dropped, and white space as one space (line breaks in the templates are
     * not breaks in the sentence).
     */
    static String words(String letter) {
        return letter.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ");
    }
}
