package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.COMPLAINTS;
import static org.hotline.intake.it.IntakeHarness.header;
import static org.hotline.intake.it.IntakeHarness.postJson;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake with JSON logs on and its spans exported, as an operator turns them on (docs/operations.md, "Logs and
 * traces"): a complaint's trace from the HTTP request into its record, what its log lines say of it, and what
 * reaches an OTLP collector (here a stand-in that keeps what it is sent).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogsAndTracesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the test complaint (Requests.KOSTANAY_SCHOOL) says of its complainant: never to be logged. */
    private static final String[] PERSONAL_DATA = {"Айгуль", "Сапарова", "701 555", "aigul.saparova", "example.org",
        "Директор", "непристойные", "деньги"};

    private static final Queue<byte[]> EXPORTED = new ConcurrentLinkedQueue<>();

    private static EmbeddedKafkaKraftBroker broker;
    private static HttpServer collector;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() throws IOException {
        broker = IntakeHarness.startBroker();
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                EXPORTED.add(body.readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        intake = IntakeHarness.startIntake(broker, "logging.structured.format.console=ecs",
                "logging.config=classpath:logback-structured.xml",
                "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                        + collector.getAddress().getPort() + "/v1/traces",
                "management.opentelemetry.tracing.export.schedule-delay=200ms");
        // The first transaction also starts the intake's transactional producer, which on a loaded machine can
        // outlast the publish timeout (503): the tests start once it has passed.
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> postJson(intake, Requests.MINIMAL_ANONYMOUS).statusCode() == 202);
    }

    @AfterAll
    static void stop() {
        intake.close();
        collector.stop(0);
        broker.destroy();
    }

    @Test
    void carriesTheRequestsTraceIntoTheComplaintReceivedRecord() {
        // given a request in a caller's trace
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpan = "b7ad6b7169203331";

        // when
        String complaintId = accepted(postJson(intake, Requests.KOSTANAY_SCHOOL,
                "traceparent", "00-" + traceId + "-" + callerSpan + "-01"));

        // then the record carries the trace on, from the intake's own span of the request
        assertThat(header(recordOf(complaintId), "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(callerSpan);
    }

    @Test
    void startsATraceForARequestThatCarriesNoneAndPutsItInTheRecord() {
        // when
        String complaintId = accepted(postJson(intake, Requests.ALMATY_ANALYST));

        // then
        assertThat(header(recordOf(complaintId), "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void writesEachLogEventAsOneJsonLineNamingTheComplaintAndTraceButNoPersonalData(CapturedOutput output) {
        // given
        String traceId = "5c1b8e4f2a9d4e7f8b6a3c2d1e0f9a8b";
        int from = output.getOut().length();

        // when
        String complaintId = accepted(postJson(intake, Requests.KOSTANAY_SCHOOL,
                "traceparent", "00-" + traceId + "-1122334455667788-01"));
        recordOf(complaintId);

        // then
        List<String> lines = output.getOut().substring(from).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        List<JsonNode> events = lines.stream().map(JSON::readTree).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.isObject()).isTrue());
        assertThat(events).filteredOn(event -> complaintId.equals(text(event, "complaintId"))).singleElement()
                .satisfies(event -> {
                    assertThat(text(event, "message")).isEqualTo("Complaint " + complaintId
                            + " accepted in the PRIORITY lane");
                    assertThat(text(event, "traceId")).isEqualTo(traceId);
                    assertThat(text(event, "spanId")).matches("[0-9a-f]{16}");
                });
        // Checked in the lines as written and as parsed, since JSON may write a letter as an escape.
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(PERSONAL_DATA));
        assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain(PERSONAL_DATA));
    }

    @Test
    void exportsTheSpansOfTheRequestToTheOtlpEndpointSet() {
        // given
        String traceId = "9e107d9d372bb6826bd81d3542a419d6";

        // when
        accepted(postJson(intake, Requests.ALMATY_ANALYST, "traceparent", "00-" + traceId + "-0102030405060708-01"));

        // then the collector is sent a span of that trace (OTLP protobuf: the trace id as its 16 bytes)
        byte[] id = HexFormat.of().parseHex(traceId);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> EXPORTED.stream().anyMatch(body -> contains(body, id)));
    }

    private static boolean contains(byte[] body, byte[] part) {
        for (int i = 0; i + part.length <= body.length; i++) {
            int j = 0;
            while (j < part.length && body[i + j] == part[j]) {
                j++;
            }
            if (j == part.length) {
                return true;
            }
        }
        return false;
    }

    private static String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(202);
        return JSON.readTree(response.body()).get("complaintId").stringValue();
    }

    private static ConsumerRecord<String, byte[]> recordOf(String complaintId) {
        return readCommittedIncluding(broker, COMPLAINTS, List.of(complaintId)).stream()
                .filter(record -> record.key().equals(complaintId)).findFirst().orElseThrow();
    }

    private static String text(JsonNode event, String member) {
        JsonNode value = event.get(member);
        return value == null ? null : value.stringValue();
    }
}
