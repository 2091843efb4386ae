package org.hotline.routing.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline.routing.RoutingApplication;
import org.hotline.routing.complaint.messaging.ComplaintEvents;
import org.hotline.testsupport.Brokers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Consume-decide-publish throughput of the routing service against plain kafka-clients relays that consume,
 * copy and produce the same records on the same broker, in the same run. Every contender reads the same
 * {@code ComplaintReceived} records with its own consumer group and {@code read_committed}, writes
 * transactionally, and is timed from the moment it starts consuming until a {@code read_committed} reader has
 * seen all of its output. The broker runs in this JVM, as in the integration tests.
 */
final class ThroughputBenchmark {

    private static final String INPUT = "complaints.received.v1";

    private final EmbeddedKafkaKraftBroker broker;
    private final int records;

    ThroughputBenchmark(EmbeddedKafkaKraftBroker broker, int records) {
        this.broker = broker;
        this.records = records;
    }

    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = Brokers.start(1);
        return broker;
    }

    /** Writes the input records once; every contender reads these same records. */
    void produceInput() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(INPUT, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                String id = UUID.randomUUID().toString();
                String value = i % 2 == 0 ? ComplaintEvents.kostanaySchool(id) : ComplaintEvents.almatyAnalyst(id);
                producer.send(new ProducerRecord<>(INPUT, bytes(id), bytes(value)));
            }
            producer.flush();
        }
    }

    /**
     * The routing service itself (its handler path: the binder in batch mode, one transaction per poll), started
     * with its consumer stopped, then timed from the binding's start.
     */
    Duration service(int round, int maxPollRecords) {
        String output = "bench.routed.service." + maxPollRecords + "." + round;
        ConfigurableApplicationContext routing = new SpringApplicationBuilder(RoutingApplication.class).run(
                "--spring.cloud.stream.kafka.binder.brokers=" + broker.getBrokersAsString(),
                "--server.port=0", "--management.server.port=0",
                "--spring.cloud.stream.bindings.routeComplaint-in-0.group=bench-service-" + maxPollRecords + "-" + round,
                "--spring.cloud.stream.kafka.bindings.routeComplaint-in-0.consumer.configuration.max.poll.records="
                        + maxPollRecords,
                "--spring.cloud.stream.bindings.routeComplaint-in-0.consumer.auto-startup=false",
                "--spring.cloud.stream.bindings.routeComplaint-out-0.destination=" + output,
                // One partition, as the relays' output topics have.
                "--spring.cloud.stream.bindings.routeComplaint-out-0.producer.partition-count=1",
                "--hotline.routing.directory.check-interval=0s",
                "--logging.level.root=WARN");
        try {
            createIfMissing(output);
            return timed(output, () -> routing.getBean(BindingsLifecycleController.class)
                    .start("routeComplaint-in-0"));
        } finally {
            routing.close();
        }
    }

    /** A plain kafka-clients relay: one transaction per poll (up to 500 records), offsets in the transaction. */
    Duration relayPerPoll(int round) {
        String output = "bench.relay.batch." + round;
        createIfMissing(output);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread relay = new Thread(() -> copy(output, running), "relay-" + output);
        try {
            return timed(output, relay::start);
        } finally {
            running.set(false);
            try {
                relay.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void copy(String output, AtomicBoolean running) {
        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + output);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-" + output + "-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(INPUT));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                if (batch.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(output, record.key(), record.value().clone()));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
            }
        }
    }

    /** Starts a contender and waits until all its output is committed and visible. */
    private Duration timed(String output, Runnable start) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(output, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(output, info.partition())).collect(Collectors.toList());
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            long seen = 0;
            long begin = System.nanoTime();
            start.run();
            long deadline = begin + Duration.ofMinutes(10).toNanos();
            while (seen < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(output + " saw only " + seen + " of " + records + " records");
                }
                seen += reader.poll(Duration.ofMillis(50)).count();
            }
            return Duration.ofNanos(System.nanoTime() - begin);
        }
    }

    private void createIfMissing(String topic) {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
