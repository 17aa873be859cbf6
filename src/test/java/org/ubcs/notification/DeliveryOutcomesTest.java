package org.ubcs.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;

/**
 * One delivery batch holding every outcome, recorded as the rules say: sent; failed and retried after
 * {@code first-retry-after} doubled for each attempt before; failed on the last allowed attempt and FAILED for good.
 * The failures are an SMTP server refusing some recipients, so one batch mixes them with a message that goes through.
 */
@QuarkusTest
class DeliveryOutcomesTest {

    private static final String DECISION = "items.findAll { it.kind == 'DECISION_TO_APPLY' }";

    @Test
    void aBatchOfMixedOutcomesIsRecordedAsTheRulesSay() throws IOException {
        Fixtures.runJob("DELIVER_NOTIFICATIONS"); // whatever other tests left due goes first, to the real server
        Case kase = Fixtures.decided(Fixtures.TODAY.minusDays(1), Fixtures.TODAY.plusMonths(3));
        UUID caseId = UUID.fromString(kase.id());
        // Attempts made before this batch: the third retry waits 1 min x 2^2; the fifth attempt is the last allowed.
        TestServices.sql("update notification set attempts = case recipient when 'CONTACT_CENTRE' then 2 "
                + "when 'LOCAL_MEMBERS' then 4 else 0 end where case_id = ?", caseId);

        Instant before;
        Instant after;
        int port = TestServices.mail.getSmtp().getPort();
        TestServices.mail.stop();
        try (RefusingSmtpServer smtp = new RefusingSmtpServer(port, Set.of("complaints.officers@council.example",
                "contact.centre@council.example", "members.services@council.example"))) {
            before = Instant.now();
            Fixtures.runJob("DELIVER_NOTIFICATIONS");
            after = Instant.now();
            assertEquals(List.of("legal.services@council.example"), smtp.accepted, "only one recipient accepted");
        } finally {
            TestServices.mail.start();
        }

        List<Map<String, Object>> found = Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getList(DECISION);
        Map<String, Map<String, Object>> byRecipient = new java.util.HashMap<>();
        found.forEach(n -> byRecipient.put((String) n.get("recipient"), n));
        assertEquals(4, byRecipient.size(), found::toString);

        Map<String, Object> sent = byRecipient.get("LEGAL_SERVICES");
        assertEquals("SENT", sent.get("state"));
        assertEquals(1, sent.get("attempts"));
        assertNull(sent.get("lastError"));
        assertBetween(before, after, Duration.ZERO, (String) sent.get("sentAt"));

        Map<String, Object> firstRetry = byRecipient.get("COMPLAINTS_OFFICERS");
        assertEquals("PENDING", firstRetry.get("state"));
        assertEquals(1, firstRetry.get("attempts"));
        assertTrue(String.valueOf(firstRetry.get("lastError")).contains("complaints.officers"), firstRetry::toString);
        assertBetween(before, after, Duration.ofMinutes(1), (String) firstRetry.get("nextAttemptAt"));
        assertNull(firstRetry.get("sentAt"));

        Map<String, Object> thirdRetry = byRecipient.get("CONTACT_CENTRE");
        assertEquals("PENDING", thirdRetry.get("state"));
        assertEquals(3, thirdRetry.get("attempts"));
        assertBetween(before, after, Duration.ofMinutes(4), (String) thirdRetry.get("nextAttemptAt"));

        Map<String, Object> failed = byRecipient.get("LOCAL_MEMBERS");
        assertEquals("FAILED", failed.get("state"));
        assertEquals(5, failed.get("attempts"));
        assertTrue(String.valueOf(failed.get("lastError")).contains("members.services"), failed::toString);
        assertNull(failed.get("sentAt"));

        // Recorded: nothing is left claimed, and running again attempts none of them (the retries wait).
        assertEquals(0L, TestServices.count("select count(*) from notification where case_id = ? "
                + "and lease_until is not null", caseId));
        Fixtures.runJob("DELIVER_NOTIFICATIONS");
        assertEquals(List.of(1, 1, 3, 5), Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications")
                .then().extract().jsonPath().getList(DECISION + ".attempts", Integer.class).stream().sorted()
                .toList());
    }

    /** {@code at} lies {@code wait} after the run, which was between {@code before} and {@code after}. */
    private static void assertBetween(Instant before, Instant after, Duration wait, String at) {
        Instant t = OffsetDateTime.parse(at).toInstant();
        assertTrue(!t.isBefore(before.plus(wait).minusSeconds(1)) && !t.isAfter(after.plus(wait).plusSeconds(1)),
                () -> at + " is not " + wait + " after the run (" + before + " to " + after + ")");
    }

    /** An SMTP server that refuses some recipients (550 to RCPT) and accepts, then discards, mail for the rest. */
    private static final class RefusingSmtpServer implements AutoCloseable {
        final List<String> accepted = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;
        private final Set<String> refused;

        RefusingSmtpServer(int port, Set<String> refused) throws IOException {
            this.refused = refused;
            socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Thread serving = new Thread(() -> serve(client));
                        serving.setDaemon(true);
                        serving.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        private void serve(Socket client) {
            try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII)); OutputStream out = client.getOutputStream()) {
                reply(out, "220 refusing-smtp");
                String recipient = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                    switch (verb) {
                        case "EHLO", "HELO" -> reply(out, "250 refusing-smtp");
                        case "RCPT" -> {
                            recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                            reply(out, refused.contains(recipient) ? "550 5.1.1 <" + recipient + ">: no such mailbox"
                                    : "250 ok");
                        }
                        case "DATA" -> {
                            reply(out, "354 go ahead");
                            for (String data = in.readLine(); data != null && !".".equals(data); data = in.readLine()) {
                                // the message is discarded
                            }
                            accepted.add(recipient);
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 ok"); // MAIL, RSET, NOOP
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
