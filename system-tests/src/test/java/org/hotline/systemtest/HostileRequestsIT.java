package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hotline.systemtest.HotlineSystem.Part;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile and careless requests against every HTTP port of the deployed system, in one table (issue 14): each row
 * is a request, with the status and the problem type it must get; every answer of an API port is a problem
 * detail (or, for a page, HTML), is never cached, and repeats nothing of what was sent. After the table, no topic
 * holds one record more than before it, except the audit trail, which holds one for each refusal of an account
 * that proved who it was (and none for a request without a valid credential, which names nobody).
 *
 * <p>The services' own tests hold the longer tables of their inputs (intake's {@code BadRequestsIT}, routing's and
 * the case service's {@code SecurityIT}); this one runs against the images as deployed, with their real security
 * configuration and ports, and checks every port in one place. It runs first on the deployment JourneyIT and
 * SecuredClusterIT use after it ({@link SecuredDeployment}), before any complaint went through it.
 */
@ExtendWith(SecuredDeployment.class)
class HostileRequestsIT {

    private static final Logger log = LoggerFactory.getLogger(HostileRequestsIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUDIT = "audit.events.v1";
    private static final String JSON_TYPE = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String GOOD = """
            {"channel":"WEB","language":"en","incident":{"categories":["SEXUAL_HARASSMENT"],"description":"x"},
             "location":{"country":"KZ","region":"KZ-75"},"workplace":{"sector":"PRIVATE","type":"COMPANY"},
             "accused":{"role":"SUPERVISOR"},"complainant":{"mode":"ANONYMOUS"}}""";
    private static final String CASE = "/api/v1/cases/HL-AAAA-BBBB-CCCC";
    /** A value no answer may repeat: it stands for anything a client sends. */
    private static final String MARK = "zq7hostile";

    private static final AtomicInteger AUDITED_ROWS = new AtomicInteger();
    private static HotlineSystem system;
    private static Topics topics;
    private static Map<String, Integer> recordsBefore;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Who the request says it is. */
    enum Caller {
        NOBODY(null), WRONG_PASSWORD("dev-staff:wrong-password"), UNKNOWN_ACCOUNT("nobody-" + MARK + ":x"),
        STAFF("dev-staff:dev-staff-password"), ADMIN("dev-admin:dev-admin-password"), OPS("dev-ops:dev-ops-password");

        final @Nullable String basic;

        Caller(@Nullable String basic) {
            this.basic = basic;
        }

        /** An account that proved who it is: its POSTs to staff and admin endpoints are audited. */
        boolean authenticated() {
            return this == STAFF || this == ADMIN || this == OPS;
        }
    }

    /**
     * One request and what it must get.
     *
     * @param type the problem type expected, {@code about:blank} for Spring's own (no type), null for an HTML page
     * @param audited whether the answer adds a record to the audit trail
     */
    record Hostile(String name, Part part, boolean management, String method, String path, Caller caller,
            List<String> headers, @Nullable String body, int status, @Nullable String type, boolean audited) {

        @Override
        public String toString() {
            return part.containerName() + (management ? " management" : "") + ": " + name;
        }
    }

    @BeforeAll
    static void deploy() {
        system = SecuredDeployment.system();
        topics = new Topics(system.clientSettings());
        recordsBefore = recordsPerTopic();
    }

    @AfterAll
    static void countTheRecords() {
        if (system != null) {
            noneReachedATopicButTheAuditTrail();
        }
    }

    static Stream<Hostile> table() {
        List<Hostile> rows = new ArrayList<>();
        String complaints = "/api/v1/complaints";
        // intake: the public's endpoint
        rows.add(api(Part.INTAKE, "body that is not JSON", "POST", complaints, Caller.NOBODY, json(), "{\"channel\":",
                400, "malformed-json"));
        rows.add(api(Part.INTAKE, "JSON nested 5,000 deep", "POST", complaints, Caller.NOBODY, json(),
                "[".repeat(5_000) + "]".repeat(5_000), 400, "malformed-json"));
        rows.add(api(Part.INTAKE, "a field given twice", "POST", complaints, Caller.NOBODY, json(),
                GOOD.replace("\"channel\":\"WEB\",", "\"channel\":\"WEB\",\"channel\":\"HOTLINE\","), 400,
                "malformed-json"));
        // The answer names an unknown field (cut and cleaned: docs/security.md), never a value.
        rows.add(api(Part.INTAKE, "a field nobody asked for", "POST", complaints, Caller.NOBODY, json(),
                GOOD.replace("\"channel\":\"WEB\",", "\"channel\":\"WEB\",\"priority\":\"" + MARK + "\","), 400,
                "invalid-complaint"));
        rows.add(api(Part.INTAKE, "an array for a complaint", "POST", complaints, Caller.NOBODY, json(), "[]", 400,
                "invalid-complaint"));
        rows.add(api(Part.INTAKE, "no body", "POST", complaints, Caller.NOBODY, json(), "", 400,
                "invalid-complaint"));
        rows.add(api(Part.INTAKE, "an unpaired surrogate", "POST", complaints, Caller.NOBODY, json(),
                GOOD.replace("\"x\"", "\"\\ud800 " + MARK + "\""), 422, "invalid-text"));
        rows.add(api(Part.INTAKE, "an anonymous complaint that names its complainant", "POST", complaints,
                Caller.NOBODY, json(), GOOD.replace("\"ANONYMOUS\"", "\"ANONYMOUS\",\"name\":\"" + MARK + "\""), 422,
                "identity-in-anonymous-complaint"));
        rows.add(api(Part.INTAKE, "a body of 2 MB", "POST", complaints, Caller.NOBODY, json(),
                "{\"a\":\"" + "x".repeat(2_000_000) + "\"}", 413, "payload-too-large"));
        rows.add(api(Part.INTAKE, "text/plain", "POST", complaints, Caller.NOBODY, List.of("Content-Type",
                "text/plain; note=" + MARK), GOOD, 415, "unsupported-media-type"));
        rows.add(api(Part.INTAKE, "GET", "GET", complaints + "?q=" + MARK, Caller.NOBODY, List.of(), null, 405,
                "method-not-allowed"));
        rows.add(api(Part.INTAKE, "PUT", "PUT", complaints + "?q=" + MARK, Caller.NOBODY, json(), GOOD, 405,
                "method-not-allowed"));
        rows.add(api(Part.INTAKE, "a partner key that is nobody's", "POST", complaints, Caller.NOBODY,
                List.of("Content-Type", JSON_TYPE, "Authorization", "Bearer " + MARK), GOOD, 401,
                "authentication-required"));
        rows.add(api(Part.INTAKE, "an Idempotency-Key of 300 characters", "POST", complaints, Caller.NOBODY,
                List.of("Content-Type", JSON_TYPE, "Idempotency-Key", MARK + "k".repeat(290)), GOOD, 400,
                "invalid-idempotency-key"));
        rows.add(api(Part.INTAKE, "an Idempotency-Key of 20,000 characters", "POST", complaints, Caller.NOBODY,
                List.of("Content-Type", JSON_TYPE, "Idempotency-Key", MARK + "k".repeat(20_000)), GOOD, 400,
                "request-rejected"));
        rows.add(api(Part.INTAKE, "a path that climbs out with ..;", "GET", "/api/v1/..;/actuator/" + MARK,
                Caller.NOBODY, List.of(), null, 400, "request-rejected"));
        rows.add(api(Part.INTAKE, "the metrics on the public port", "GET", "/actuator/prometheus?q=" + MARK,
                Caller.NOBODY, List.of(), null, 404, "not-found"));
        rows.add(api(Part.INTAKE, "a path no endpoint has", "GET", "/" + MARK, Caller.NOBODY, List.of(), null, 404,
                "not-found"));
        // routing: staff and admin only
        String preview = "/api/v1/routing/preview";
        String reload = "/api/v1/routing/directory/reload";
        rows.add(api(Part.ROUTING, "preview without a credential", "POST", preview, Caller.NOBODY, json(), GOOD, 401,
                "authentication-required"));
        rows.add(api(Part.ROUTING, "preview with a wrong password", "POST", preview, Caller.WRONG_PASSWORD, json(),
                GOOD, 401, "authentication-required"));
        rows.add(api(Part.ROUTING, "preview as an account that does not exist", "POST", preview,
                Caller.UNKNOWN_ACCOUNT, json(), GOOD, 401, "authentication-required"));
        rows.add(api(Part.ROUTING, "preview as the scraper", "POST", preview, Caller.OPS, json(),
                GOOD.replace("\"x\"", "\"" + MARK + "\""), 403, "access-denied"));
        rows.add(api(Part.ROUTING, "preview with a body that is not JSON", "POST", preview, Caller.STAFF, json(),
                "{\"" + MARK, 400, "malformed-json"));
        rows.add(api(Part.ROUTING, "preview from another site", "POST", preview, Caller.STAFF,
                List.of("Content-Type", JSON_TYPE, "Origin", "https://" + MARK + ".example"), GOOD, 403,
                "cross-origin-request"));
        rows.add(api(Part.ROUTING, "reload without a credential", "POST", reload, Caller.NOBODY, json(), "{}", 401,
                "authentication-required"));
        rows.add(api(Part.ROUTING, "reload as a caseworker", "POST", reload, Caller.STAFF, json(),
                "{\"note\":\"" + MARK + "\"}", 403, "access-denied"));
        rows.add(api(Part.ROUTING, "reload by a form of another site", "POST", reload, Caller.ADMIN,
                List.of("Content-Type", FORM, "Origin", "https://" + MARK + ".example"), "a=b", 403,
                "cross-origin-request"));
        rows.add(api(Part.ROUTING, "reload by a form without an origin", "POST", reload, Caller.NOBODY,
                List.of("Content-Type", FORM), "a=b", 415, "unsupported-media-type"));
        rows.add(api(Part.ROUTING, "a path no endpoint has", "GET", "/api/v1/" + MARK, Caller.NOBODY, List.of(),
                null, 401, "authentication-required"));
        rows.add(api(Part.ROUTING, "a path no endpoint has, as a caseworker", "GET", "/api/v1/" + MARK,
                Caller.STAFF, List.of(), null, 403, "access-denied"));
        // the case service: the public's status and the bodies' pages, the caseworkers' endpoints
        String status = "/api/v1/complaints/status";
        rows.add(api(Part.CASE, "status with a body that is not JSON", "POST", status, Caller.NOBODY, json(), "{",
                400, "malformed-json"));
        rows.add(api(Part.CASE, "status of a reference that is nobody's", "POST", status, Caller.NOBODY, json(),
                "{\"reference\":\"HL-AAAA-BBBB-CCCC\",\"trackingCode\":\"AAAA-BBBB-CCCC-DDDD\"}", 404,
                "case-not-found"));
        rows.add(api(Part.CASE, "status with a reference of 20,000 characters", "POST", status, Caller.NOBODY,
                json(), "{\"reference\":\"" + MARK + "A".repeat(20_000) + "\",\"trackingCode\":\"x\"}", 400,
                "invalid-status-request"));
        rows.add(api(Part.CASE, "status as text/plain", "POST", status, Caller.NOBODY, List.of("Content-Type",
                "text/plain"), MARK, 415, "unsupported-media-type"));
        rows.add(api(Part.CASE, "an acknowledgement page of a forged link", "GET", "/ack/" + MARK, Caller.NOBODY,
                List.of(), null, 404, null));
        rows.add(api(Part.CASE, "an acknowledgement posted to a forged link", "POST", "/ack/" + MARK, Caller.NOBODY,
                List.of("Content-Type", FORM), "registrationNumber=" + MARK, 404, null));
        rows.add(api(Part.CASE, "an acknowledgement posted from another site", "POST", "/ack/" + MARK,
                Caller.NOBODY, List.of("Content-Type", FORM, "Origin", "https://" + MARK + ".example"),
                "registrationNumber=1", 403, "cross-origin-request"));
        rows.add(api(Part.CASE, "script in the status page's query", "GET", "/status?lang=%3Cscript%3E" + MARK,
                Caller.NOBODY, List.of(), null, 200, null));
        rows.add(api(Part.CASE, "closing a case without a credential", "POST", CASE + "/closure", Caller.NOBODY,
                json(), "{\"reason\":\"x\"}", 401, "authentication-required"));
        rows.add(api(Part.CASE, "closing a case with a wrong password", "POST", CASE + "/closure",
                Caller.WRONG_PASSWORD, json(), "{\"reason\":\"x\"}", 401, "authentication-required"));
        rows.add(api(Part.CASE, "closing a case as the scraper", "POST", CASE + "/closure", Caller.OPS, json(),
                "{\"reason\":\"" + MARK + "\"}", 403, "access-denied"));
        rows.add(api(Part.CASE, "recording an acknowledgement without a credential", "POST",
                CASE + "/assignments/kz-x/acknowledgement", Caller.NOBODY, json(), "{}", 401,
                "authentication-required"));
        rows.add(api(Part.CASE, "recording an answer for a case that is nobody's", "POST",
                CASE + "/assignments/kz-x/answer", Caller.STAFF, json(),
                "{\"outcome\":\"REFUSED\",\"reason\":\"" + MARK + "\"}", 404, "case-not-found"));
        rows.add(api(Part.CASE, "holding an escalation without a credential", "POST",
                CASE + "/assignments/kz-x/escalation-hold", Caller.NOBODY, json(), "{}", 401,
                "authentication-required"));
        rows.add(api(Part.CASE, "holding an escalation as the scraper", "POST",
                CASE + "/assignments/kz-x/escalation-hold", Caller.OPS, json(), "{\"reason\":\"" + MARK + "\"}",
                403, "access-denied"));
        rows.add(api(Part.CASE, "holding an escalation of a case that is nobody's", "POST",
                CASE + "/assignments/kz-x/escalation-hold", Caller.STAFF, json(),
                "{\"heldUntil\":\"2099-01-01\",\"reason\":\"" + MARK + "\"}", 404, "case-not-found"));
        rows.add(api(Part.CASE, "escalating without a credential", "POST",
                CASE + "/assignments/kz-x/escalation", Caller.NOBODY, json(), "{}", 401,
                "authentication-required"));
        rows.add(api(Part.CASE, "escalating as the scraper", "POST",
                CASE + "/assignments/kz-x/escalation", Caller.OPS, json(), "{\"reason\":\"" + MARK + "\"}",
                403, "access-denied"));
        rows.add(api(Part.CASE, "escalating a case that is nobody's", "POST",
                CASE + "/assignments/kz-x/escalation", Caller.STAFF, json(), "{\"reason\":\"" + MARK + "\"}",
                404, "case-not-found"));
        rows.add(api(Part.CASE, "a path no endpoint has", "GET", "/" + MARK, Caller.NOBODY, List.of(), null, 404,
                "not-found"));
        rows.add(api(Part.CASE, "the health details on the public port", "GET", "/actuator/health", Caller.NOBODY,
                List.of(), null, 404, "not-found"));
        // notification serves no API
        rows.add(api(Part.NOTIFICATION, "anything on its API port", "GET", "/" + MARK, Caller.NOBODY, List.of(),
                null, 404, "not-found"));
        // every management port: probes open, the rest for the scraper alone
        for (Part part : Part.SERVICES) {
            rows.add(management(part, "metrics without a credential", "/actuator/prometheus", Caller.NOBODY, 401,
                    "authentication-required"));
            rows.add(management(part, "metrics with a wrong password", "/actuator/prometheus",
                    Caller.WRONG_PASSWORD, 401, "authentication-required"));
            rows.add(management(part, "metrics as a caseworker", "/actuator/prometheus", Caller.STAFF,
                    part == Part.ROUTING || part == Part.CASE ? 403 : 401,
                    part == Part.ROUTING || part == Part.CASE ? "access-denied" : "authentication-required"));
            rows.add(management(part, "health details without a credential", "/actuator/health", Caller.NOBODY,
                    401, "authentication-required"));
            rows.add(management(part, "readiness, as a probe asks", "/actuator/health/readiness", Caller.NOBODY, 200,
                    "about:blank"));
            rows.add(management(part, "a heap dump, as the scraper", "/actuator/heapdump", Caller.OPS,
                    part == Part.ROUTING ? 403 : 404, part == Part.ROUTING ? "access-denied" : null));
        }
        rows.add(new Hostile("the simulated clock without a credential", Part.CASE, true, "POST",
                "/actuator/devclock", Caller.NOBODY, json(), "{\"by\":\"" + MARK + "\"}", 401,
                "authentication-required", false));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answersEachHostileRequestAsItMustAndRepeatsNothingOfIt(Hostile row) {
        HttpResponse<String> answer = send(row);
        if (row.audited()) {
            AUDITED_ROWS.incrementAndGet();
        }

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(row.status());
        assertThat(answer.body()).doesNotContain(MARK);
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (row.type() == null) {
            if (!row.management()) {
                assertThat(contentType).startsWith("text/html");
            }
        } else if (row.status() >= 400) {
            assertThat(contentType).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            String type = problem.has("type") ? problem.get("type").stringValue() : "about:blank";
            assertThat(type).isEqualTo(row.type().equals("about:blank") ? "about:blank"
                    : "urn:hotline:problem:" + row.type());
            assertThat(problem.get("status").intValue()).isEqualTo(row.status());
        } else {
            // A probe's answer: its status alone, nothing of the service's insides.
            assertThat(JSON.readTree(answer.body()).propertyNames()).containsExactly("status");
        }
        if (!row.management()) {
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    private HttpResponse<String> send(Hostile row) {
        HotlineSystem.Instance instance = row.part().instance(1);
        URI base = row.management() ? system.management(instance) : system.api(instance);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + row.path()))
                .timeout(Duration.ofSeconds(30))
                .method(row.method(), row.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(row.body(), StandardCharsets.UTF_8));
        for (int i = 0; i < row.headers().size(); i += 2) {
            request.header(row.headers().get(i), row.headers().get(i + 1));
        }
        // Every request carries the marker at least here, where a careless answer or log line might repeat it.
        request.header("X-Hostile-Note", MARK);
        if (row.caller().basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    row.caller().basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void noneReachedATopicButTheAuditTrail() {
        int audited = AUDITED_ROWS.get();
        await().alias("one audit record per refusal of an authenticated account").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).until(() -> topics.readAll(AUDIT).size()
                        - recordsBefore.getOrDefault(AUDIT, 0) >= audited);
        Map<String, Integer> after = recordsPerTopic();
        Map<String, Integer> grown = new TreeMap<>();
        after.forEach((topic, count) -> {
            int growth = count - recordsBefore.getOrDefault(topic, 0);
            if (growth != 0) {
                grown.put(topic, growth);
            }
        });
        log.info("records added during the table, by topic: {}", grown);
        assertThat(grown).as("records added by the hostile requests, by topic")
                .isEqualTo(audited == 0 ? Map.of() : Map.of(AUDIT, audited));
        assertThat(topics.readAll(AUDIT).stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)))
                .noneMatch(text -> text.contains(MARK));
    }

    private static Map<String, Integer> recordsPerTopic() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : topics.names()) {
            counts.put(topic, topics.readAll(topic).size());
        }
        return counts;
    }

    private static Hostile api(Part part, String name, String method, String path, Caller caller,
            List<String> headers, @Nullable String body, int status, @Nullable String type) {
        boolean audited = caller.authenticated() && "POST".equals(method) && audited(part, path)
                && !headers.contains("Origin");
        return new Hostile(name, part, false, method, path, caller, headers, body, status, type, audited);
    }

    private static Hostile management(Part part, String name, String path, Caller caller, int status,
            @Nullable String type) {
        return new Hostile(name, part, true, "GET", path + "?q=" + MARK, caller, List.of(), null, status, type,
                false);
    }

    /** The endpoints whose POSTs by an authenticated account the audit trail records (docs/security.md, "Audit"). */
    private static boolean audited(Part part, String path) {
        return part == Part.ROUTING && path.startsWith("/api/v1/routing/")
                || part == Part.CASE && path.startsWith("/api/v1/cases/");
    }

    private static List<String> json() {
        return List.of("Content-Type", JSON_TYPE);
    }
}
