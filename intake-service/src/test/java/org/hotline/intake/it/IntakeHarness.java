package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.intake.IntakeApplication;
import org.hotline.intake.sealing.domain.FieldSealer;
import org.hotline.intake.sealing.domain.SealedValue;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.EventSchemas;
import org.hotline.testsupport.ScrapePages;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real KRaft broker in this JVM, the intake service started against it, and ways to look at both. */
final class IntakeHarness {

    static final String COMPLAINTS = "complaints.received.v1";
    static final String KEYS = "complaints.keys.v1";
    /** The test profile's sealing key (application-test.yml), to open what the intake sealed. */
    static final FieldSealer TEST_SEALING_KEY = new FieldSealer("test-1",
            Map.of("test-1", Base64.getDecoder().decode("dGVzdC1vbmx5LXNlYWxpbmcta2V5LTMyLWJ5dGVzISE=")));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IntakeHarness() {
    }

    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = Brokers.start(1);
        return broker;
    }

    /** Starts an intake instance on random ports; extra settings are {@code key=value} pairs. */
    static ConfigurableApplicationContext startIntake(EmbeddedKafkaKraftBroker broker, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--server.port=0",
                "--management.server.port=0"));
        if (Stream.of(settings).noneMatch(setting -> setting.startsWith("hotline.intake.topics.partitions="))) {
            args.add("--hotline.intake.topics.partitions=1");
        }
        Stream.of(settings).map(setting -> "--" + setting).forEach(args::add);
        ConfigurableApplicationContext intake =
                new SpringApplicationBuilder(IntakeApplication.class).run(args.toArray(String[]::new));
        awaitReady(intake);
        return intake;
    }

    /** Waits, as a Kubernetes readiness probe would, until the instance says it can take traffic. */
    static void awaitReady(ConfigurableApplicationContext intake) {
        String readiness = "http://localhost:" + managementPort(intake) + "/actuator/health/readiness";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(readiness).statusCode() == 200);
    }

    static int port(ConfigurableApplicationContext intake) {
        return Integer.parseInt(intake.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static int managementPort(ConfigurableApplicationContext intake) {
        return Integer.parseInt(intake.getEnvironment().getRequiredProperty("local.management.port"));
    }

    static HttpResponse<String> post(ConfigurableApplicationContext intake, String contentType, byte[] body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(intake) + "/api/v1/complaints"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    static HttpResponse<String> postJson(ConfigurableApplicationContext intake, String json, String... headers) {
        return post(intake, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A GET with HTTP Basic; the test profile's accounts have their name followed by "-password" as password. */
    static HttpResponse<String> getAs(String user, String password, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password)).GET().build());
    }

    /** The metrics page as a Prometheus server scrapes it: as the test profile's ops account, in OpenMetrics. */
    static HttpResponse<String> scrape(ConfigurableApplicationContext intake) {
        return send(ScrapePages.request("http://localhost:" + managementPort(intake) + "/actuator/prometheus",
                "test-ops", "test-ops-password").build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link Brokers#readCommitted}, once it holds a record for each of {@code keys}. A producer's commit returns when
     * the coordinator has logged the decision; the markers that make the records readable reach the partitions
     * a moment later, so a read right after a 202 can miss the complaint it answered.
     */
    static List<ConsumerRecord<String, byte[]>> readCommittedIncluding(EmbeddedKafkaKraftBroker broker,
            String topic, java.util.Collection<String> keys) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Brokers.readCommitted(broker, topic), records -> records.stream().map(ConsumerRecord::key)
                        .collect(Collectors.toSet()).containsAll(keys));
    }

    /**
     * Opens a sealed value of the complaint's event ({@code {"keyId", "algorithm", "iv", "ciphertext"}}) as a
     * consumer would: its data key from the keys topic, unwrapped with the test profile's service key.
     */
    static byte[] openSealed(EmbeddedKafkaKraftBroker broker, String complaintId, JsonNode sealed, String field) {
        return TEST_SEALING_KEY.open(dataKey(broker, complaintId), sealedValue(sealed),
                COMPLAINTS + "/" + complaintId + "/" + field);
    }

    /** The complaint's data key: its record on the keys topic (the only one), unwrapped with the service key. */
    static byte[] dataKey(EmbeddedKafkaKraftBroker broker, String complaintId) {
        JsonNode record = JsonMapper.shared().readTree(keyRecord(broker, complaintId).value());
        EventSchemas.assertConforms("complaint-key.v1.schema.json", record);
        return TEST_SEALING_KEY.open(sealedValue(record.get("wrapped")), KEYS + "/" + complaintId);
    }

    /** The complaint's one record on the keys topic, keyed {@code <complaintId>/<kid>}, once it is committed. */
    static ConsumerRecord<String, byte[]> keyRecord(EmbeddedKafkaKraftBroker broker, String complaintId) {
        List<ConsumerRecord<String, byte[]>> records = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Brokers.readCommitted(broker, KEYS).stream()
                        .filter(record -> record.key().startsWith(complaintId + "/")).toList(),
                        found -> !found.isEmpty());
        assertThat(records).as("records of complaint %s on %s", complaintId, KEYS).singleElement()
                .satisfies(record -> assertThat(record.key()).matches(complaintId + "/[A-Za-z0-9_-]{12}"));
        return records.get(0);
    }

    static SealedValue sealedValue(JsonNode sealed) {
        return new SealedValue(sealed.get("keyId").stringValue(), sealed.get("algorithm").stringValue(),
                sealed.get("iv").stringValue(), sealed.get("ciphertext").stringValue());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
