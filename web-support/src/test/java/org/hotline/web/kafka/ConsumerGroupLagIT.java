package org.hotline.web.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.testsupport.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class ConsumerGroupLagIT {

    private static final String TOPIC = "complaints.routed.v1";
    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Brokers.start(1);
        admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        // partition 0: six plain records (offsets 0-5); partition 1: four in one committed transaction (offsets 0-3,
        // its commit marker at 4)
        try (KafkaProducer<String, String> plain = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 6; i++) {
                plain.send(new ProducerRecord<>(TOPIC, 0, "k" + i, "v" + i)).get();
            }
        }
        try (KafkaProducer<String, String> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-test"), new StringSerializer(), new StringSerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            for (int i = 0; i < 4; i++) {
                transactional.send(new ProducerRecord<>(TOPIC, 1, "t" + i, "v" + i));
            }
            transactional.commitTransaction();
        }
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.destroy();
    }

    @Test
    void countsTheRecordsAfterTheCommittedOffsetsAndNotTheTransactionMarkers() throws Exception {
        // given a group that read two records of partition 0 and all of partition 1, as a read_committed consumer
        // does (its position is past the commit marker)
        commit("notification-service", Map.of(new TopicPartition(TOPIC, 0), 2L, new TopicPartition(TOPIC, 1), 5L));

        try (ConsumerGroupLag lag = new ConsumerGroupLag(Map.of("bootstrap.servers", broker.getBrokersAsString()),
                List.of("notification-service", "a-group-that-never-committed"), Duration.ofHours(1))) {
            // when it is measured
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            lag.bindTo(registry);
            lag.measure();

            // then four records wait in partition 0 and none in partition 1, and the group that never committed has
            // no series
            assertThat(registry.get("hotline.kafka.consumer.group.lag").tags("group", "notification-service",
                    "topic", TOPIC).gauge().value()).isEqualTo(4.0);
            assertThat(registry.get("hotline.kafka.consumer.group.committed").tags("group", "notification-service",
                    "topic", TOPIC).gauge().value()).isEqualTo(7.0);
            assertThat(registry.find("hotline.kafka.consumer.group.lag").tag("group", "a-group-that-never-committed")
                    .gauges()).isEmpty();
            // under the names the alert rules use (deploy/monitoring/alerts.yml)
            assertThat(registry.scrape()).contains(
                    "hotline_kafka_consumer_group_lag{group=\"notification-service\",topic=\"" + TOPIC + "\"} 4.0",
                    "hotline_kafka_consumer_group_committed{group=\"notification-service\",topic=\"" + TOPIC + "\"} 7.0");
        }
    }

    @Test
    void followsTheGroupAsItCommits() throws Exception {
        // given a group that read one record of partition 0 and none of partition 1 (four records and a marker)
        commit("routing-service", Map.of(new TopicPartition(TOPIC, 0), 1L, new TopicPartition(TOPIC, 1), 0L));
        try (ConsumerGroupLag lag = new ConsumerGroupLag(Map.of("bootstrap.servers", broker.getBrokersAsString()),
                List.of("routing-service"), Duration.ofHours(1))) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            lag.bindTo(registry);
            lag.measure();
            assertThat(lag.positions("routing-service")).containsEntry(TOPIC, new ConsumerGroupLag.Position(10, 1));

            // when it catches up
            commit("routing-service", Map.of(new TopicPartition(TOPIC, 0), 6L, new TopicPartition(TOPIC, 1), 5L));
            lag.measure();

            // then the gauge shows it
            assertThat(registry.get("hotline.kafka.consumer.group.lag").tags("group", "routing-service").gauge()
                    .value()).isZero();
        }
    }

    @Test
    void aGroupThatReadEverythingIsNotBehindByTheCommitMarkerNorByAnAbortedTransaction() throws Exception {
        // given a topic whose last transaction committed (records 0-1, marker 2) and whose next one aborted (records
        // 3-5, marker 6), and a group that committed in front of the commit marker, as a consumer does
        String topic = "cases.events.v1";
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> transactional = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "lag-test-markers"), new StringSerializer(),
                new StringSerializer())) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(new ProducerRecord<>(topic, 0, "a", "1"));
            transactional.send(new ProducerRecord<>(topic, 0, "b", "2"));
            transactional.commitTransaction();
            transactional.beginTransaction();
            for (int i = 0; i < 3; i++) {
                transactional.send(new ProducerRecord<>(topic, 0, "aborted" + i, "x")).get();
            }
            transactional.abortTransaction();
        }
        commit("notification-service-cases", Map.of(new TopicPartition(topic, 0), 2L));

        try (ConsumerGroupLag lag = new ConsumerGroupLag(Map.of("bootstrap.servers", broker.getBrokersAsString()),
                List.of("notification-service-cases"), Duration.ofHours(1))) {
            // when it is measured, then nothing waits
            assertThat(lag.positions("notification-service-cases")).containsEntry(topic,
                    new ConsumerGroupLag.Position(0, 2));

            // and when one more record is committed after them, it waits
            try (KafkaProducer<String, String> plain = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                    new StringSerializer(), new StringSerializer())) {
                plain.send(new ProducerRecord<>(topic, 0, "c", "3")).get();
            }
            assertThat(lag.positions("notification-service-cases").get(topic).lag()).isPositive();
        }
    }

    @Test
    void keepsItsProbesRoutineLinesOutOfTheLog() throws Exception {
        // given a group behind in partition 0, so that the probe reads there, and the Kafka client's log captured
        commit("intake-service", Map.of(new TopicPartition(TOPIC, 0), 3L));
        ch.qos.logback.classic.Logger kafkaLog =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        kafkaLog.addAppender(captured);
        try (ConsumerGroupLag lag = new ConsumerGroupLag(Map.of("bootstrap.servers", broker.getBrokersAsString()),
                List.of("intake-service"), Duration.ofHours(1))) {
            // when it is measured
            assertThat(lag.positions("intake-service")).containsEntry(TOPIC, new ConsumerGroupLag.Position(3, 3));
        } finally {
            kafkaLog.detachAppender(captured);
        }

        // then none of the probe's lines was logged (only its settings, once, when it was made), while the client's
        // other lines of the same run were
        assertThat(captured.list).isNotEmpty();
        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("clientId=consumer-group-lag-probe"));
    }

    private static void commit(String group, Map<TopicPartition, Long> offsets) throws Exception {
        admin.alterConsumerGroupOffsets(group, offsets.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())))).all().get(30, TimeUnit.SECONDS);
        assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet())
                .isEqualTo(Set.copyOf(offsets.keySet()));
    }
}
