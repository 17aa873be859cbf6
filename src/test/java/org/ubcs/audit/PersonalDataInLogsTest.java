package org.ubcs.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** Personal data goes to the database and to those with a need to know, never into the application's logs. */
@QuarkusTest
class PersonalDataInLogsTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                return; // the test's own HTTP client, not the service
            }
            lines.add(record.getLoggerName() + ": " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private Level rootLevel;

    /** Listens at DEBUG, as an operator chasing a problem would run the service. */
    @BeforeEach
    void listen() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.FINE);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void customerDetailsNeverReachTheLogs() {
        String secret = "Zebedee" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.as(Fixtures.OFFICER).body("{\"fullName\":\"" + secret + "\",\"email\":\"" + secret
                + "@example.org\",\"phone\":\"01234 999888\"}").post("/customers").then().statusCode(201).extract()
                .path("id");
        Api.as(Fixtures.OFFICER).header("If-Match", "\"0\"").body("{\"fullName\":\"" + secret + " B\"}")
                .put("/customers/" + id).then().statusCode(200);
        Api.malformedAs(Fixtures.OFFICER).body("{\"fullName\":\"" + secret + "\",\"email\":\"" + secret + "\"}")
                .post("/customers").then().statusCode(400);
        Api.as(Fixtures.OFFICER).queryParam("name", secret).get("/customers").then().statusCode(200);
        Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(id, "\"UNREASONABLY_PERSISTENT\"")
                .replace("Forty emails", secret)).post("/cases").then().statusCode(201);

        assertTrue(lines.stream().noneMatch(line -> line.contains(secret) || line.contains("999888")),
                () -> "Personal data in the logs: " + lines.stream().filter(l -> l.contains(secret)).toList());
    }
}
