package org.ubcs.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubcs.support.PackagedService;
import org.ubcs.support.TestServices;
import org.ubcs.support.Tokens;

/**
 * A pod stopped during a rolling update drops nothing. The packaged service runs as in production (shutdown delay
 * 5 s, timeout 20 s); eight keep-alive clients (HTTP/1.1, {@link HttpClient}) send cheap authenticated reads
 * ({@code GET /customers/{id}}, {@code GET /policy-profile}) and writes ({@code POST /customers}), each pausing
 * 10–40 ms between requests (so there are moments with no request in flight, as in real traffic: Quarkus stops as
 * soon as none is in flight once its delay is over, and never while one is); then
 * the process gets SIGTERM ({@link Process#destroy()}), as the kubelet sends it after the preStop hook.
 *
 * <p>What is asserted, and what is not:
 * <ul>
 * <li>Readiness ({@code /q/health/ready}, polled every 50 ms on a fresh connection) answers 503 DOWN within 1 s of
 * SIGTERM.</li>
 * <li>The clients keep sending for {@link #SENDING_AFTER_SIGTERM} (4 s) after SIGTERM, which is longer than
 * readiness takes to go DOWN plus any propagation allowance that fits in the delay. This models the load balancer
 * that stops sending new requests once it has seen readiness DOWN, with a generous allowance; it keeps the last
 * second of the 5 s delay as a margin. <em>Every</em> request sent is counted: none is excluded from the count.
 * Requests that a load balancer would send after the delay has ended are simply not sent (in Kubernetes, the preStop
 * sleep and the delay exist so that none are); one probe request after the delay is made and its answer printed, for
 * the record only.</li>
 * <li>No request fails: no connection refused or reset, no 5xx; every read answers 200 and every write 201.</li>
 * <li>Each write answered 201 is in the database afterwards.</li>
 * <li>Two slow requests, each a {@code POST /customers} sent over a raw socket whose body trickles in byte by byte:
 * one whose headers are sent just before SIGTERM and whose body ends 2 s after it (in flight at SIGTERM); one started
 * 3.5 s after SIGTERM whose body ends 7 s after it (in flight when the delay ends, so Quarkus waits for it under the
 * 20 s timeout). Both must answer 201 and be stored. The first ends well within the delay on purpose: a request in
 * flight holds the server open, so if it spanned the delay the test could not tell a delay from none.</li>
 * <li>The process exits by itself, with the exit code of a JVM ended by SIGTERM after its shutdown hooks (143), within
 * delay + timeout, and its log has no ERROR line (no "Timed out waiting for graceful shutdown").</li>
 * </ul>
 */
class GracefulShutdownIT {

    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SENDING_BEFORE_SIGTERM = Duration.ofSeconds(3);
    private static final Duration SENDING_AFTER_SIGTERM = Duration.ofSeconds(4);
    /** The first slow request's body finishes arriving this long after SIGTERM: within the delay. */
    private static final Duration FIRST_SLOW_BODY_UNTIL = Duration.ofSeconds(2);
    /** The second slow request starts during the delay; its body finishes after the delay, within the timeout. */
    private static final Duration SECOND_SLOW_STARTS = Duration.ofMillis(3500);
    private static final Duration SECOND_SLOW_BODY_UNTIL = Duration.ofSeconds(7);
    private static final String OFFICER = "COMPLAINTS_OFFICER";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** One request a client sent: when (ns after SIGTERM), what, and what came back (a status, or the exception). */
    record Sent(long atNanos, String what, int status, String failure) {
        boolean failed() {
            return failure != null || status >= 500 || status != (what.equals("POST /customers") ? 201 : 200);
        }
    }

    private TestServices services;
    private PackagedService service;

    @BeforeEach
    void start() throws IOException {
        PackagedService.assertJarBuilt();
        services = new TestServices();
        Map<String, String> config = services.start();
        // Production's delay and timeout (%prod in application.properties) are what is tested: nothing overrides them.
        service = PackagedService.launch("graceful-shutdown", config, Map.of());
        service.awaitReady(Duration.ofSeconds(120));
    }

    @AfterEach
    void stop() {
        if (service != null && service.process().isAlive()) {
            service.process().destroyForcibly();
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void aStoppedPodAnswersEveryRequestSentToItAndExitsByItself() throws Exception {
        String base = "http://localhost:" + service.port();
        String token = Tokens.forRole(OFFICER);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        String customer = idOf(http.send(create(base, token, "Known " + UUID.randomUUID()),
                HttpResponse.BodyHandlers.ofString()).body());

        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicLong sigterm = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        long stopSendingAt = System.nanoTime() + SENDING_BEFORE_SIGTERM.plus(SENDING_AFTER_SIGTERM).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            int kind = client % 4; // two clients each: read a customer, read the policy, write, write
            running.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < stopSendingAt) {
                    HttpRequest request = switch (kind) {
                        case 0 -> get(base + "/customers/" + customer, token);
                        case 1 -> get(base + "/policy-profile", token);
                        default -> create(base, token, "Steady " + UUID.randomUUID());
                    };
                    String what = request.method() + " " + request.uri().getPath().replace(customer, "{id}");
                    long at = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        sent.add(new Sent(at, what, response.statusCode(), null));
                        if (response.statusCode() == 201) {
                            created.add(idOf(response.body()));
                        }
                    } catch (Exception e) {
                        sent.add(new Sent(at, what, -1, e.toString()));
                    }
                    try {
                        // Think time: real traffic has gaps, in which no request is in flight. Without them Quarkus
                        // would find requests in flight at every moment and keep serving even with no delay.
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(10, 40));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, clients));
        }

        Thread.sleep(SENDING_BEFORE_SIGTERM.minusMillis(200).toMillis());
        String slowName = "Slow " + UUID.randomUUID();
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> slowCreate(service.port(), token,
                slowName, sigterm::get, FIRST_SLOW_BODY_UNTIL), clients);
        String secondSlowName = "Slow second " + UUID.randomUUID();
        CompletableFuture<String> secondSlow = CompletableFuture.supplyAsync(() -> {
            while (sigterm.get() == Long.MAX_VALUE
                    || System.nanoTime() < sigterm.get() + SECOND_SLOW_STARTS.toNanos()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return e.toString();
                }
            }
            return slowCreate(service.port(), token, secondSlowName, sigterm::get, SECOND_SLOW_BODY_UNTIL);
        }, clients);
        Thread.sleep(200);

        sigterm.set(System.nanoTime());
        service.process().destroy(); // SIGTERM
        java.util.concurrent.atomic.AtomicLong exitedAt = new java.util.concurrent.atomic.AtomicLong(-1);
        service.process().onExit().thenRun(() -> exitedAt.set(System.nanoTime()));
        long readyDownAt = -1;
        while (readyDownAt < 0 && System.nanoTime() - sigterm.get() < TimeUnit.SECONDS.toNanos(3)) {
            try {
                HttpResponse<String> ready = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 503 && ready.body().contains("\"DOWN\"")) {
                    readyDownAt = System.nanoTime();
                }
            } catch (IOException e) {
                // counted below only if readiness never answered DOWN
            }
            Thread.sleep(50);
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        // For the record only: a request sent after the delay (while the second slow request is still in flight),
        // which a load balancer would no longer send.
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(sigterm.get() + DELAY.toNanos() - System.nanoTime())
                + 300));
        String afterDelay;
        try {
            afterDelay = "status " + http.send(get(base + "/policy-profile", token),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            afterDelay = e.toString();
        }

        String slowAnswer = slow.get(30, TimeUnit.SECONDS);
        String secondSlowAnswer = secondSlow.get(30, TimeUnit.SECONDS);
        boolean exited = service.process().waitFor(DELAY.plus(TIMEOUT).toSeconds(), TimeUnit.SECONDS);
        Thread.sleep(100); // for onExit's action to run
        clients.shutdown();

        long t0 = sigterm.get();
        List<Sent> all = new ArrayList<>(sent);
        List<Sent> afterSigterm = all.stream().filter(s -> s.atNanos() >= t0).toList();
        List<Sent> failed = all.stream().filter(Sent::failed).toList();
        Map<String, Long> byRequest = all.stream().collect(Collectors.groupingBy(Sent::what, TreeMap::new,
                Collectors.counting()));
        long lastSentAfterSigtermMs = afterSigterm.stream().mapToLong(s -> (s.atNanos() - t0) / 1_000_000).max()
                .orElse(-1);
        long storedCreated = created.isEmpty() ? 0 : TestServices.count("select count(*) from customer "
                + "where id = any(string_to_array(?, ',')::uuid[])", String.join(",", created));
        List<String> errors = Files.readAllLines(service.log()).stream()
                .filter(line -> line.contains("\"level\":\"ERROR\"") || line.contains(" ERROR ")).toList();
        System.out.printf("graceful shutdown: %d requests sent (%s), %d after SIGTERM (last %d ms after it), "
                + "%d failed (the first sent %s ms after SIGTERM) %s; readiness DOWN %d ms after SIGTERM; slow request in flight at SIGTERM: %s; slow request in flight when the "
                + "delay ended: %s; process exited %s ms after "
                + "SIGTERM with code %s; after the delay a new request got: %s; writes answered 201: %d, stored: %d%n",
                all.size(), byRequest, afterSigterm.size(), lastSentAfterSigtermMs, failed.size(),
                failed.stream().mapToLong(f -> (f.atNanos() - t0) / 1_000_000).min().orElse(-1),
                failed.stream().limit(5).toList(), readyDownAt < 0 ? -1 : (readyDownAt - t0) / 1_000_000, slowAnswer,
                secondSlowAnswer,
                exitedAt.get() > 0 ? (exitedAt.get() - t0) / 1_000_000 : "not", exited ? service.process().exitValue() : "-",
                afterDelay, created.size(), storedCreated);

        assertEquals(List.of(), failed, "requests that failed");
        assertTrue(afterSigterm.size() > 50, "traffic kept coming after SIGTERM: " + afterSigterm.size());
        assertTrue(lastSentAfterSigtermMs >= SENDING_AFTER_SIGTERM.toMillis() - 500,
                "requests were still sent late in the delay: " + lastSentAfterSigtermMs + " ms");
        assertTrue(readyDownAt > 0 && readyDownAt - t0 <= TimeUnit.SECONDS.toNanos(1),
                "readiness DOWN within 1 s of SIGTERM");
        assertTrue(slowAnswer.startsWith("HTTP/1.1 201"), "the slow request in flight at SIGTERM completed: "
                + slowAnswer);
        assertTrue(secondSlowAnswer.startsWith("HTTP/1.1 201"), "the slow request in flight when the delay ended "
                + "completed: " + secondSlowAnswer);
        assertEquals(1, TestServices.count("select count(*) from customer where full_name = ?", slowName),
                "the first slow write is stored");
        assertEquals(1, TestServices.count("select count(*) from customer where full_name = ?", secondSlowName),
                "the second slow write is stored");
        assertEquals(created.size(), storedCreated, "every write answered 201 is stored");
        assertTrue(exited, "the process exited within delay + timeout");
        assertEquals(143, service.process().exitValue(), "exit code of a JVM ended by SIGTERM, hooks run");
        assertEquals(List.of(), errors, "ERROR lines in " + service.log());
    }

    private static HttpRequest get(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static HttpRequest create(String base, String token, String name) {
        return HttpRequest.newBuilder(URI.create(base + "/customers")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fullName\":\"" + name + "\"}")).build();
    }

    private static String idOf(String body) {
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return id.group(1);
    }

    /**
     * {@code POST /customers} over a raw socket: the headers and the body's first byte now, the rest one byte at a
     * time until {@code bodyUntil} after SIGTERM. Returns the status line, or the failure.
     */
    private static String slowCreate(int port, String token, String name, java.util.function.LongSupplier sigterm,
            Duration bodyUntil) {
        byte[] body = ("{\"fullName\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /customers HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID()
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(40_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 1);
            out.flush();
            long started = System.nanoTime();
            for (int i = 1; i < body.length; i++) {
                long signalled = sigterm.getAsLong();
                long end = signalled == Long.MAX_VALUE ? started + bodyUntil.toNanos()
                        : signalled + bodyUntil.toNanos();
                long next = System.nanoTime() + Math.max(0, (end - System.nanoTime()) / (body.length - i));
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime())));
                out.write(body, i, 1);
                out.flush();
            }
            long bodyDoneMs = (System.nanoTime() - sigterm.getAsLong()) / 1_000_000;
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                status.append((char) c);
            }
            return status + " (body finished " + bodyDoneMs + " ms after SIGTERM, answered "
                    + (System.nanoTime() - sigterm.getAsLong()) / 1_000_000 + " ms after it)";
        } catch (Exception e) {
            return e.toString();
        }
    }
}
