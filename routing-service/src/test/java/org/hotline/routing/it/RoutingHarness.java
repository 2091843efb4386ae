package org.hotline.routing.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.hotline.routing.RoutingApplication;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.EventSchemas;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker in this JVM, the routing service started against it, and ways to look at both. */
final class RoutingHarness {

    static final String RECEIVED = "complaints.received.v1";
    static final String ROUTED = "complaints.routed.v1";
    static final String DEAD_LETTERS = "complaints.received.v1.dlt";
    static final String AUDIT = "audit.events.v1";

    /** The accounts every test instance has; each password is the name followed by "-password". */
    static final String STAFF = "test-staff";
    static final String ADMIN = "test-admin";
    static final String OPS = "test-ops";
    private static final Map<String, String> HASHES = Map.of(
            STAFF, "$2a$10$.clfOM97HR/2.GAyqc2tsOtA.OOjRcafyjMsKkgUM.g6xLMV5XmRq",
            ADMIN, "$2a$10$PDpBNjePffP4zJqaMk0s2Ocu1m4p7ajZWINMRyNZ4pgZYRpxK7A7a",
            OPS, "$2a$10$ivia5AWI6GYYIAWmb6eMk.tkgXK8M60KEHiRyK3JsQIgmamnFFTa.");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RoutingHarness() {
    }

    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = Brokers.start(1);
        return broker;
    }

    /** Creates the topic intake-service owns, as intake would. */
    static void createReceivedTopic(EmbeddedKafkaKraftBroker broker, int partitions) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(RECEIVED, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The members of a consumer group as the broker describes them, with their assigned partitions. */
    static ConsumerGroupDescription group(EmbeddedKafkaKraftBroker broker, String group) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30,
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int partitions(EmbeddedKafkaKraftBroker broker, String topic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the sample directory in a folder the test can change. */
    static Path copyOfSampleDirectory() {
        try {
            Path folder = Files.createTempDirectory("routing-directory");
            for (String file : List.of("units.yml", "authorities.yml", "rules.yml")) {
                try (InputStream in = RoutingHarness.class.getResourceAsStream("/directory/kz/" + file)) {
                    Files.write(folder.resolve(file), in.readAllBytes());
                }
            }
            return folder;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a routing instance on random ports; extra settings are {@code key=value} pairs. */
    static ConfigurableApplicationContext startRouting(EmbeddedKafkaKraftBroker broker, Path directory,
            String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--server.port=0",
                "--management.server.port=0",
                "--hotline.routing.directory.location=" + directory.toUri(),
                "--hotline.routing.directory.check-interval=0s"));
        List<String> users = List.of(STAFF, ADMIN, OPS);
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            args.add("--hotline.security.users[" + i + "].name=" + user);
            args.add("--hotline.security.users[" + i + "].password-hash=" + HASHES.get(user));
            args.add("--hotline.security.users[" + i + "].roles=" + user.substring("test-".length()).toUpperCase());
        }
        Stream.of(settings).map(setting -> "--" + setting).forEach(args::add);
        ConfigurableApplicationContext routing =
                new SpringApplicationBuilder(RoutingApplication.class).run(args.toArray(String[]::new));
        awaitReady(routing);
        return routing;
    }

    static void awaitReady(ConfigurableApplicationContext routing) {
        String readiness = "http://localhost:" + managementPort(routing) + "/actuator/health/readiness";
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(readiness).statusCode() == 200);
    }

    static int port(ConfigurableApplicationContext routing) {
        return Integer.parseInt(routing.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static int managementPort(ConfigurableApplicationContext routing) {
        return Integer.parseInt(routing.getEnvironment().getRequiredProperty("local.management.port"));
    }

    static KafkaProducer<String, byte[]> producer(EmbeddedKafkaKraftBroker broker) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The partition Kafka's default partitioner gives a key among {@code partitions}. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Sends a record as intake-service would: keyed by complaint id, with CloudEvents headers. */
    static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) {
        send(producer, received(key, value));
    }

    /** {@link #send(KafkaProducer, String, byte[])}, with the request's trace context as intake-service adds it. */
    static void sendTraced(KafkaProducer<String, byte[]> producer, String key, byte[] value, String traceparent) {
        ProducerRecord<String, byte[]> record = received(key, value);
        record.headers().add(new RecordHeader("traceparent", bytes(traceparent)));
        send(producer, record);
    }

    private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends records with one key in one Kafka transaction, as intake's transactional producer can: they become
     * visible to routing's read_committed consumer at the same moment, so they arrive in one poll.
     */
    static void sendTogether(EmbeddedKafkaKraftBroker broker, String key, List<String> values) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            values.forEach(value -> producer.send(received(key, bytes(value))));
            producer.commitTransaction();
        }
    }

    private static ProducerRecord<String, byte[]> received(String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(RECEIVED, key, value);
        record.headers().add(new RecordHeader("ce_specversion", bytes("1.0")));
        record.headers().add(new RecordHeader("ce_type", bytes("org.hotline.complaint.received.v1")));
        record.headers().add(new RecordHeader("ce_subject", bytes(key)));
        record.headers().add(new RecordHeader("content-type", bytes("application/json")));
        return record;
    }

    static void createTopic(EmbeddedKafkaKraftBroker broker, String topic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTopic(EmbeddedKafkaKraftBroker broker, String topic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(ConfigurableApplicationContext routing, String path, String contentType,
            String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(routing) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A POST with the credential of one of the test accounts. */
    static HttpResponse<String> postAs(String user, ConfigurableApplicationContext routing, String path,
            String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(routing) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .header("Authorization", basic(user, user + "-password"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    static HttpResponse<String> getAs(String user, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, user + "-password")).GET().build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString(bytes(user + ":" + password));
    }

    static HttpResponse<String> send(HttpRequest request) {
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
     * Every committed record of a topic ({@link Brokers#readCommitted}); every decision read must also conform to
     * the published schema (docs/schemas).
     */
    static List<ConsumerRecord<String, byte[]>> readCommitted(EmbeddedKafkaKraftBroker broker, String topic) {
        List<ConsumerRecord<String, byte[]>> records = Brokers.readCommitted(broker, topic);
        if (topic.equals("complaints.routed.v1")) {
            records.forEach(record -> EventSchemas.assertConforms("complaint-routed.v1.schema.json",
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(record.value())));
        }
        return records;
    }

    /** Every record of a topic, those of open and aborted transactions included. */
    static List<ConsumerRecord<String, byte[]>> readUncommitted(EmbeddedKafkaKraftBroker broker, String topic) {
        return Brokers.readUncommitted(broker, topic);
    }

    static List<ConsumerRecord<String, byte[]>> withKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
