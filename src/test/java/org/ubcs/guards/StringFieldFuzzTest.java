package org.ubcs.guards;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Seeded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing a client sends makes a 500. For one write of each capability, every string field in turn gets generated
 * text: control characters, unpaired surrogates, zero-width and right-to-left marks, emoji, blank and very long
 * values. Each answer is a success or a 4xx problem (the contract validates its shape), and text the service cannot
 * store is always refused.
 */
@QuarkusTest
class StringFieldFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@generated@@";
    private static final int VALUES_PER_FIELD = 4;

    /** The ids the writes refer to, made once through the API. */
    private static String customerId;
    private static String caseId;
    private static String decisionId;
    private static String filedItemId;

    /** One write of each capability: who may make it, where, and a valid body. {@code {case}} etc. are filled in. */
    record Write(String role, String path, String body) {
    }

    static final List<Write> WRITES = List.of(
            new Write("COMPLAINTS_OFFICER", "/customers", """
                    {"fullName":"Alex Example","email":"alex@example.org","phone":"01604 999111",
                     "address":{"line1":"1 High Street","line2":"Flat 2","town":"Exampleton","postcode":"EX1 2AB"},
                     "preferredChannel":"EMAIL","communicationNeeds":["LARGE_PRINT"],"reasonableAdjustments":"Large print.",
                     "advocate":{"name":"Sam","organisation":"Advice","email":"sam@example.org","phone":"01604 999112"}}"""),
            new Write("COMPLAINTS_OFFICER", "/cases", """
                    {"customerId":"{customer}","matter":"Pothole","department":"Highways",
                     "classifications":["UNREASONABLY_PERSISTENT"],"background":"Forty emails.",
                     "documents":[{"title":"Stage 2","reference":"DMS-1"}],"referredOn":"{today}",
                     "checklist":{"complaintsProcedureExhausted":false,"complaintsProcedureStage":"Stage 1",
                      "ombudsman":{"involved":true,"details":"No fault"},"mpOrCouncillor":{"involved":false},
                      "independentInvestigator":{"involved":false},"meetingHeld":true,
                      "alternativesTried":[{"alternative":"MEDIATION","result":"Declined"}]}}"""),
            new Write("COMPLAINTS_OFFICER", "/cases/{case}/evidence", """
                    {"occurredAt":"2026-10-02T09:15:00Z","channel":"TELEPHONE","officer":"J. Smith",
                     "behaviours":["REPETITION"],"summary":"Fourth call this week."}"""),
            new Write("DECISION_MAKER", "/cases/{case}/restrictions", """
                    {"terms":{"type":"SINGLE_POINT_OF_CONTACT","officer":{"name":"Jo Contact","email":"jo@example.org",
                      "phone":"01604 999113"}},"scope":"THIS_MATTER","startsOn":"{today}","reasons":"Abusive calls.",
                     "statutoryServicesAffected":["Housing"],"legalBasis":"Section 1","adjustmentsOverride":"None"}"""),
            new Write("CONTACT_CENTRE", "/contact-checks", """
                    {"customer":{"email":"alex@example.org","phone":"01604 999111","fullName":"Alex Example",
                     "postcode":"EX1 2AB"},"channel":"TELEPHONE","officer":"Jo Contact","at":"2026-10-02T09:15:00Z"}"""),
            new Write("POLICY_OWNER", "/calendar/overrides", """
                    {"region":"SCOTLAND","date":"2039-12-28","kind":"ADD_HOLIDAY","name":"Proclaimed holiday"}"""),
            new Write("COMPLAINTS_OFFICER", "/appeals", """
                    {"decisionId":"{decision}","receivedOn":"{today}","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                     "text":"Letters only is too hard for me."}"""),
            new Write("COMPLAINTS_OFFICER", "/cases/{case}/fresh-issues", """
                    {"raisedOn":"{today}","summary":"A new complaint about bins."}"""),
            new Write("POLICY_OWNER", "/read-and-file-items/{item}/screening", """
                    {"outcome":"NOTHING_NEW","notes":"Read: nothing new."}"""));

    @BeforeEach
    void theRecordsTheWritesReferTo() {
        if (caseId != null) {
            return;
        }
        var kase = Fixtures.applied();
        customerId = kase.customerId();
        caseId = kase.id();
        decisionId = Api.as(Fixtures.OFFICER).get("/cases/" + caseId).then().extract().path("decision.id");
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}",
                "THIS_MATTER"));
        filedItemId = Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customerId + "\",\"caseId\":\"" + caseId
                + "\",\"channel\":\"LETTER\",\"record\":true}").post("/contact-checks").then().statusCode(200)
                .extract().path("readAndFileItemId");
    }

    static Stream<Arguments> everyStringFieldOfOneWriteOfEachCapability() throws Exception {
        Random random = new Random(9);
        List<Arguments> cases = new ArrayList<>();
        for (Write write : WRITES) {
            for (String pointer : stringFields(JSON.readTree(write.body()), "")) {
                for (int i = 0; i < VALUES_PER_FIELD; i++) {
                    cases.add(Arguments.of(write.path(), pointer, generated(random), write));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("everyStringFieldOfOneWriteOfEachCapability")
    void neverA500AndUnstorableTextIsAlwaysRefused(String path, String pointer, Generated value, Write write)
            throws Exception {
        String target = fill(path);
        String body = fill(withHole(write.body(), pointer)).replace("\"" + HOLE + "\"", value.json());
        String etag = !target.endsWith("/screening") ? null
                : Api.as("POLICY_OWNER").get(target.replace("/screening", "")).then().extract().header("ETag");
        var request = Api.malformedAs(write.role()).body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        var response = request.post(target).then().extract();
        int status = response.statusCode();
        assertTrue(status < 500, pointer + " = " + value + " gave " + status + ": " + response.asString());
        if (status >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        }
        if (!value.storable()) {
            assertTrue(status == 400, pointer + " = " + value + " could not be stored, yet gave " + status);
        }
    }

    /** A generated string, as JSON text (escaped, so that unpaired surrogates survive the trip), and what it holds. */
    record Generated(String json, boolean storable, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static Generated generated(Random random) {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> Seeded.between(random, 10_000, 200_000);
            default -> Seeded.between(random, 1, 40);
        };
        StringBuilder json = new StringBuilder("\"");
        StringBuilder label = new StringBuilder();
        boolean storable = true; // PostgreSQL can hold it and a reader can read it back as sent
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(length > 1000 ? 1000 : 12);
            String piece;
            if (kind == 0) {
                char c = (char) random.nextInt(0x20);
                piece = escape(c);
                storable &= c == '\t' || c == '\n' || c == '\r';
            } else if (kind == 1 || kind == 2) {
                // Kept apart by an x, so that a high and a low one never happen to make a pair.
                piece = kind == 1 ? escape((char) Seeded.between(random, 0xD800, 0xDBFF)) + "x"
                        : "x" + escape((char) Seeded.between(random, 0xDC00, 0xDFFF));
                storable = false;
            } else {
                piece = switch (kind) {
                    case 3 -> "\\ud83d\\ude00"; // an emoji: a surrogate pair
                    case 4 -> Seeded.oneOf(random, "\\u200b", "\\u202e", "\\ufeff", "\\u0301", "\\u00a0");
                    case 5 -> Seeded.oneOf(random, "\\\"", "\\\\", "/", "'", "%", "_", "<", "&");
                    default -> String.valueOf((char) Seeded.between(random, 'a', 'z'));
                };
            }
            if (label.length() < 60) {
                label.append(piece);
            }
            json.append(piece);
        }
        json.append('"');
        return new Generated(json.toString(), storable,
                length > 1000 ? "<" + length + " characters>" : label.isEmpty() ? "<empty>" : label.toString());
    }

    private static String escape(char c) {
        return String.format("\\u%04x", (int) c);
    }

    private static List<String> stringFields(JsonNode node, String pointer) {
        List<String> found = new ArrayList<>();
        if (node.isTextual()) {
            found.add(pointer);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> found.addAll(stringFields(e.getValue(), pointer + "/" + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(stringFields(node.get(i), pointer + "/" + i));
            }
        }
        return found;
    }

    private static String withHole(String body, String pointer) throws Exception {
        JsonNode root = JSON.readTree(body);
        String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        JsonNode parent = parentPointer.isEmpty() ? root : root.at(parentPointer);
        if (parent instanceof ObjectNode object) {
            object.put(last, HOLE);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), JSON.getNodeFactory().textNode(HOLE));
        }
        return JSON.writeValueAsString(root);
    }

    private static String fill(String text) {
        return text.replace("{customer}", customerId).replace("{case}", caseId).replace("{decision}", decisionId)
                .replace("{item}", filedItemId).replace("{today}", Fixtures.TODAY.toString())
                .replace("{random}", UUID.randomUUID().toString());
    }
}
