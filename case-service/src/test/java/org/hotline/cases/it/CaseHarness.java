package org.hotline.cases.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.hotline.cases.CaseApplication;
import org.hotline.testsupport.Brokers;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker in this JVM, the service started against it with a fixed clock, and ways to look. */
final class CaseHarness {

    static final String RECEIVED = "complaints.received.v1";
    static final String ROUTED = "complaints.routed.v1";
    static final String OUTCOMES = "notifications.outcomes.v1";
    /** Provisioned with the other topics; the service writes StaffActionAudited there but never creates it. */
    static final String AUDIT = "audit.events.v1";
    static final String CASE_EVENTS = "cases.events.v1";
    /** The complaints' data keys, which the service follows; the intake creates it in production. */
    static final String KEYS = "complaints.keys.v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CaseHarness() {
    }

    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = Brokers.start(2, RECEIVED, ROUTED, OUTCOMES, AUDIT, KEYS);
        return broker;
    }

    /** Starts an instance on random ports with a state folder of its own, so a restart restores from Kafka. */
    static ConfigurableApplicationContext startCaseService(EmbeddedKafkaKraftBroker broker, Clock clock,
            String... settings) {
        return startCaseServiceOn(broker, clock, temporaryFolder(), settings);
    }

    /** Starts an instance on the given state folder and waits until it is ready. */
    static ConfigurableApplicationContext startCaseServiceOn(EmbeddedKafkaKraftBroker broker, Clock clock,
            String stateFolder, String... settings) {
        ConfigurableApplicationContext service = launchCaseService(broker, clock, stateFolder, settings);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe(service, "readiness") == 200);
        return service;
    }

    /** Starts an instance on the given state folder without waiting for its streams. */
    static ConfigurableApplicationContext launchCaseService(EmbeddedKafkaKraftBroker broker, Clock clock,
            String stateFolder, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.kafka.streams.state-dir=" + stateFolder,
                "--hotline.sealing.complaint-keys.directory=" + temporaryFolder(),
                "--server.port=0",
                "--management.server.port=0"));
        Stream.of(settings).map(setting -> "--" + setting).forEach(args::add);
        return new SpringApplicationBuilder(CaseApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run(args.toArray(String[]::new));
    }

    /** The HTTP status of a health probe: {@code liveness} or {@code readiness}. */
    static int probe(ConfigurableApplicationContext service, String probe) {
        String address = "http://localhost:" + port(service, "local.management.port") + "/actuator/health/" + probe;
        return send(HttpRequest.newBuilder(URI.create(address)).GET()).statusCode();
    }

    static int port(ConfigurableApplicationContext service, String property) {
        return Integer.parseInt(service.getEnvironment().getRequiredProperty(property));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void publish(EmbeddedKafkaKraftBroker broker, String topic, String key, byte[] value) {
        publish(broker, topic, key, value, null);
    }

    /** @param timestamp the record's timestamp, as its producer set it; null for now */
    static void publish(EmbeddedKafkaKraftBroker broker, String topic, String key, byte[] value,
            @Nullable Instant timestamp) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, timestamp == null ? null : timestamp.toEpochMilli(), key,
                    value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A complaint received, routed to the Kostanay police and education department, and emailed to both. */
    /** A read_committed consumer of both partitions of {@code cases.events.v1}, from their beginning. */
    static KafkaConsumer<String, byte[]> caseEventsConsumer(EmbeddedKafkaKraftBroker broker) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, 2).mapToObj(p -> new TopicPartition(CASE_EVENTS, p))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    static void publishTold(EmbeddedKafkaKraftBroker broker, CaseEvents complaint) {
        String key = complaint.complaintId.toString();
        publish(broker, RECEIVED, key, complaint.received());
        publish(broker, ROUTED, key, complaint.routed());
        publish(broker, OUTCOMES, key, complaint.outcome("kz-39-police", "SENT", complaint.receivedAt.plusSeconds(3)));
        publish(broker, OUTCOMES, key,
                complaint.outcome("kz-39-education", "SENT", complaint.receivedAt.plusSeconds(4)));
    }

    static String temporaryFolder() {
        try {
            return Files.createTempDirectory("case-service-state").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
