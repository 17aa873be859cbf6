package org.ubcs.operations;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.DefaultHttpClient;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;

/**
 * The size limits the contract states (body 1 MiB, request line 8 KiB, headers 16 KiB in all) are answered as
 * problem+json, like every other refusal, and a refused request writes nothing. Each answer is validated against the
 * contract by {@link Api}.
 */
@QuarkusTest
class RequestLimitsTest {

    private static final String OFFICER = "COMPLAINTS_OFFICER";
    private static final int MIB = 1024 * 1024;

    @Test
    void aBodyOverOneMebibyteWithContentLengthIsRefusedWith413AndNothingIsWritten() {
        String name = "Too large " + UUID.randomUUID();
        String body = customerOfSize(name, MIB + 1);

        problem(Api.malformedAs(OFFICER).body(body).post("/customers").then(), 413, "payload-too-large")
                .body("detail", equalTo("A request body may be at most 1048576 bytes."))
                .body("instance", equalTo("/customers"));
        assertEquals(0L, customersNamed(name));
    }

    @Test
    void aChunkedBodyThatGrowsPastOneMebibyteIsRefusedWith413AndNothingIsWritten() {
        String name = "Too large chunked " + UUID.randomUUID();

        problem(Api.malformedAs(OFFICER).config(CHUNKED).body(customerOfSize(name, MIB + 1)).post("/customers")
                .then(), 413, "payload-too-large")
                .body("detail", equalTo("A request body may be at most 1048576 bytes."));
        assertEquals(0L, customersNamed(name));
        // Whatever follows the JSON counts too.
        String trailing = "{\"fullName\":\"" + name + "\"}" + " ".repeat(MIB);
        problem(Api.malformedAs(OFFICER).config(CHUNKED).body(trailing).post("/customers").then(), 413,
                "payload-too-large");
        assertEquals(0L, customersNamed(name));
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsReadAndJudgedOnItsContent() {
        String name = "Just fits " + UUID.randomUUID();
        // Read in full, so it is refused for what it says (the adjustments are far over their maximum length).
        problem(Api.malformedAs(OFFICER).body(customerOfSize(name, MIB)).post("/customers").then(), 400,
                "validation");
        problem(Api.malformedAs(OFFICER).config(CHUNKED).body(customerOfSize(name, MIB)).post("/customers").then(),
                400, "validation");
        // And a small chunked body is read as any other.
        Api.as(OFFICER).config(CHUNKED).body("{\"fullName\":\"" + name + "\"}").post("/customers").then()
                .statusCode(201);
        assertEquals(1L, customersNamed(name));
    }

    @Test
    void aRequestLineOverEightKibibytesIsRefusedWith414() {
        // GET /customers?name=... HTTP/1.1: 4 + 16 + the name + 9 characters.
        String fits = "a".repeat(8192 - 4 - 16 - 9);
        problem(Api.malformedAs(OFFICER).get("/customers?name=" + fits).then(), 400, "validation");

        problem(Api.malformedAs(OFFICER).get("/customers?name=" + fits + "a").then(), 414, "uri-too-long")
                .body("detail", equalTo("The request line may be at most 8192 characters."))
                .body("instance", equalTo("/customers"));
    }

    @Test
    void headersOverSixteenKibibytesInAllAreRefusedWith431AndNothingIsWritten() {
        String name = "Large headers " + UUID.randomUUID();
        String customer = "{\"fullName\":\"" + name + "\"}";
        // Well within the limit with the bearer token and the client's own headers.
        Api.malformedAs(OFFICER).header("X-Padding", "p".repeat(12 * 1024)).body(customer).post("/customers").then()
                .statusCode(201);
        assertEquals(1L, customersNamed(name));

        String other = "Too large headers " + UUID.randomUUID();
        problem(Api.malformedAs(OFFICER).header("X-Padding", "p".repeat(16 * 1024))
                .body("{\"fullName\":\"" + other + "\"}").post("/customers").then(), 431, "header-fields-too-large")
                .body("detail", equalTo("The request's headers may be at most 16384 bytes in all."));
        assertEquals(0L, customersNamed(other));
    }

    /**
     * Sends the body chunked, without Content-Length. RestAssured always sends a Content-Length (even for a stream,
     * which it reads first), so the entity is wrapped, before Apache HttpClient writes the headers, in one of unknown
     * length, which HttpClient sends chunked.
     */
    @SuppressWarnings("deprecation") // RestAssured 5 builds on HttpClient 4's DefaultHttpClient
    private static final RestAssuredConfig CHUNKED = RestAssured.config().httpClient(
            HttpClientConfig.httpClientConfig().httpClientFactory(() -> {
                DefaultHttpClient client = new DefaultHttpClient();
                client.addRequestInterceptor((request, context) -> {
                    if (request instanceof HttpEntityEnclosingRequest enclosing && enclosing.getEntity() != null) {
                        enclosing.setEntity(new HttpEntityWrapper(enclosing.getEntity()) {
                            @Override
                            public boolean isChunked() {
                                return true;
                            }

                            @Override
                            public long getContentLength() {
                                return -1;
                            }
                        });
                    }
                }, 0);
                return client;
            }));

    /** A customer whose JSON is exactly {@code bytes} long, padded in a free-text field. */
    private static String customerOfSize(String name, int bytes) {
        String head = "{\"fullName\":\"" + name + "\",\"reasonableAdjustments\":\"";
        String tail = "\"}";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:" + slug)).body("status", equalTo(status));
    }

    private static long customersNamed(String name) {
        return TestServices.count("select count(*) from customer where full_name = ?", name);
    }
}
