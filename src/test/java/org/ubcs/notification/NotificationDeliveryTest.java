package org.ubcs.notification;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The outbox delivered by email to a real SMTP server (GreenMail, in the test JVM), with retries. */
@QuarkusTest
class NotificationDeliveryTest {

    private static final String DECISION = "items.findAll { it.kind == 'DECISION_TO_APPLY' }";

    private static JsonPath notificationsOf(Case kase) {
        return Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The attempts of every notification of these cases. */
    private static List<Integer> attemptsOf(List<Case> cases) {
        return cases.stream().flatMap(kase -> notificationsOf(kase).getList("items.attempts", Integer.class).stream())
                .toList();
    }

    private static List<MimeMessage> mailAbout(Case kase) {
        return Arrays.stream(TestServices.mail.getReceivedMessages())
                .filter(message -> GreenMailUtil.getBody(message).contains(kase.id())).toList();
    }

    private static String recipientOf(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            assertEquals(1, to.length, "one recipient per message");
            return to[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDecisionIsEmailedToThoseTheProfileNamesWithOnlyWhatTheyNeed() throws MessagingException {
        Case kase = Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3));
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body(DECISION + ".recipient", containsInAnyOrder("LEGAL_SERVICES", "COMPLAINTS_OFFICERS",
                        "CONTACT_CENTRE", "LOCAL_MEMBERS"))
                .body(DECISION + ".state", everyItem(equalTo("PENDING")));

        Fixtures.runJob("DELIVER_NOTIFICATIONS");
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body(DECISION + ".state", everyItem(equalTo("SENT")))
                .body(DECISION + ".attempts", everyItem(equalTo(1)))
                .body(DECISION + ".sentAt", everyItem(notNullValue()));

        List<MimeMessage> mail = mailAbout(kase);
        assertEquals(List.of("complaints.officers@council.example", "contact.centre@council.example",
                "legal.services@council.example", "members.services@council.example"),
                mail.stream().map(NotificationDeliveryTest::recipientOf).sorted().toList());
        for (MimeMessage message : mail) {
            assertEquals("ubcs-no-reply@council.example", message.getFrom()[0].toString());
            String body = GreenMailUtil.getBody(message);
            // Need to know: no name, no background, no evidence.
            assertFalse(body.contains("Case Customer"), "the customer's name stays in the service");
            assertFalse(body.contains("Forty emails"), "the case's background stays in the service");
        }

        // Delivered once: running delivery again sends nothing more.
        Fixtures.runJob("DELIVER_NOTIFICATIONS");
        assertEquals(4, mailAbout(kase).size());
    }

    @Test
    void anUnreachableMailServerIsRetriedLaterAndInTheEndGivenUp() {
        Fixtures.runJob("DELIVER_NOTIFICATIONS"); // whatever other tests left due goes first, to the real server
        TestServices.mail.stop();
        Case kase;
        try {
            kase = Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3));
            Fixtures.runJob("DELIVER_NOTIFICATIONS");
            JsonPath failed = notificationsOf(kase);
            assertEquals(List.of("PENDING"), failed.getList(DECISION + ".state").stream().distinct().toList());
            assertEquals(List.of(1), failed.getList(DECISION + ".attempts").stream().distinct().toList());
            for (Object error : failed.getList(DECISION + ".lastError")) {
                assertTrue(error != null && !error.toString().isBlank(), "the attempt's error is recorded");
            }
            // The first retry waits a minute (ubcs.notifications.first-retry-after), so running again sends nothing.
            Instant next = OffsetDateTime.parse(failed.getString(DECISION + "[0].nextAttemptAt")).toInstant();
            assertTrue(next.isAfter(Instant.now().plus(Duration.ofSeconds(30))), "retried after a wait: " + next);
            Fixtures.runJob("DELIVER_NOTIFICATIONS");
            assertEquals(List.of(1), notificationsOf(kase).getList(DECISION + ".attempts").stream().distinct().toList());
        } finally {
            TestServices.mail.start();
        }

        // The wait has passed and the server is back: delivered on the second attempt.
        TestServices.sql("update notification set next_attempt_at = now() where case_id = ?",
                UUID.fromString(kase.id()));
        Fixtures.runJob("DELIVER_NOTIFICATIONS");
        JsonPath delivered = notificationsOf(kase);
        assertEquals(List.of("SENT"), delivered.getList(DECISION + ".state").stream().distinct().toList());
        assertEquals(List.of(2), delivered.getList(DECISION + ".attempts").stream().distinct().toList());
        assertEquals(4, mailAbout(kase).size());

        // After the last allowed attempt (ubcs.notifications.max-attempts, 5) a notification is FAILED for good.
        TestServices.mail.stop();
        try {
            Case other = Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3));
            TestServices.sql("update notification set attempts = 4 where case_id = ?", UUID.fromString(other.id()));
            Fixtures.runJob("DELIVER_NOTIFICATIONS");
            assertEquals(List.of("FAILED"), notificationsOf(other).getList(DECISION + ".state").stream().distinct()
                    .toList());
            Api.as("POLICY_OWNER").queryParam("state", "FAILED").queryParam("limit", 100).get("/notifications")
                    .then().body("items.caseId", hasItem(other.id()));
        } finally {
            TestServices.mail.start();
        }
    }

    /**
     * With the mail server unreachable, a run tries no more than the notifications already on their way
     * (ubcs.notifications.concurrency, 10): the rest of its batch would fail the same way, each using up a retry.
     * They keep their attempts and are given back at once, so the next run takes them.
     */
    @Test
    void anUnreachableMailServerEndsTheRunAndLeavesTheRestUntried() {
        Fixtures.runJob("DELIVER_NOTIFICATIONS"); // whatever other tests left due goes first, to the real server
        TestServices.mail.stop();
        try {
            List<Case> cases = List.of(Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3)),
                    Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3)),
                    Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3)));
            assertEquals(10, Fixtures.runJob("DELIVER_NOTIFICATIONS"), "one round of sends, then the run stops");
            List<Integer> attempts = attemptsOf(cases);
            assertTrue(attempts.size() >= 12, "a decision tells four recipients: " + attempts);
            assertEquals(10, attempts.stream().filter(n -> n == 1).count(), "ten tried: " + attempts);
            assertEquals(attempts.size() - 10, attempts.stream().filter(n -> n == 0).count(), "the rest not: " + attempts);
            assertEquals(0, TestServices.count("select count(*) from notification where lease_until is not null"),
                    "nothing stays claimed");
            for (Case kase : cases) {
                Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                        .body("items.state", everyItem(equalTo("PENDING")))
                        .body("items.findAll { it.attempts == 0 }.lastError", everyItem(equalTo(null)));
            }

            // The next run takes those left untried (the ten tried wait for their retry), and stops in the same way.
            assertEquals(Math.min(10, attempts.size() - 10), Fixtures.runJob("DELIVER_NOTIFICATIONS"));
                } finally {
            TestServices.mail.start();
        }
    }

    @Test
    void badQueriesAreProblemsAndOnlyThoseWhoOverseeDeliveryMayLook() {
        Api.malformedAs("AUDITOR").queryParam("state", "LOST").get("/notifications").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("caseId", "case-1").get("/notifications").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("limit", 1000).get("/notifications").then().statusCode(400);
        Api.malformedAs("AUDITOR").queryParam("cursor", "not-a-cursor").get("/notifications").then().statusCode(400);
        Api.as("CONTACT_CENTRE").get("/notifications").then().statusCode(403);
        Api.anonymous().get("/notifications").then().statusCode(401);
    }
}
