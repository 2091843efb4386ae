package org.hotline.intake.complaint.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.hotline.intake.complaint.application.IntakeMetrics;
import org.hotline.intake.complaint.application.LanePlacement;
import org.hotline.intake.complaint.config.IntakeProperties;
import org.hotline.intake.complaint.config.LaneProperties;
import org.hotline.intake.sealing.domain.FieldSealer;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * The committer: a request waits at most the publish timeout for a transaction to take it, and the
     * transaction waits at most the publish timeout again for the broker's acknowledgements.
     */
    @Bean
    GroupCommit<List<ProducerRecord<String, byte[]>>> groupCommit(KafkaTemplate<String, byte[]> template,
            IntakeProperties properties, IntakeMetrics metrics) {
        IntakeProperties.GroupCommit settings = properties.groupCommit();
        return new GroupCommit<>(new KafkaBatchTransaction(template, properties.publishTimeout()),
                settings.committers(), settings.maxComplaints(), settings.linger(), properties.publishTimeout(),
                metrics);
    }

    @Bean
    KafkaComplaintPublisher complaintPublisher(GroupCommit<List<ProducerRecord<String, byte[]>>> groupCommit,
            FieldSealer sealer, JsonMapper json, IntakeProperties properties, ComplaintTracing tracing) {
        return new KafkaComplaintPublisher(groupCommit, sealer, json, properties.topics().complaints(),
                properties.topics().idempotency(), properties.topics().keys(), tracing);
    }

    @Bean
    KafkaIdempotencyLedger idempotencyLedger(ConsumerFactory<String, byte[]> consumers, JsonMapper json,
            IntakeProperties properties, Clock clock) {
        return new KafkaIdempotencyLedger(consumers::createConsumer, json, properties.topics().idempotency(),
                properties.topics().idempotencyRetention(), clock);
    }

    /**
     * The lanes by partition; with the lanes off, every complaint is in the priority lane. The gauge
     * {@code hotline_intake_lanes_partitions} says over how many partitions they are kept apart: 0 until the broker
     * has told, and the lanes are in force from 2.
     */
    @Bean
    LanePlacement lanePlacement(LaneProperties lanes, IntakeProperties properties, KafkaAdmin admin,
            MeterRegistry registry) {
        if (!lanes.enabled()) {
            return LanePlacement.NONE;
        }
        String topic = properties.topics().complaints();
        PartitionLanes placement = new PartitionLanes(lanes.bulkPartitions(), topic,
                () -> admin.describeTopics(topic).get(topic).partitions().size());
        Gauge.builder("hotline.intake.lanes.partitions", placement, PartitionLanes::partitions)
                .description("Partitions of the complaints topic the priority and bulk lanes share; 0 until known")
                .register(registry);
        return placement;
    }

    /**
     * A producer that failed inside a transaction is closed and replaced; with the broker gone, the default
     * 30-second close would hold the client's request long after its 503 is due.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedProducerClose() {
        return factory -> factory.setPhysicalCloseTimeout(1);
    }

    @Bean
    NewTopic complaintsTopic(IntakeProperties properties) {
        IntakeProperties.Topics topics = properties.topics();
        return new NewTopic(topics.complaints(), topics.partitions(), (short) topics.replicationFactor())
                .configs(Map.of(
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInSyncReplicas()),
                        TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false",
                        // The topic is the system of record of complaints: nothing expires from it.
                        TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    @Bean
    NewTopic idempotencyTopic(IntakeProperties properties) {
        IntakeProperties.Topics topics = properties.topics();
        Duration retention = topics.idempotencyRetention();
        return new NewTopic(topics.idempotency(), topics.partitions(), (short) topics.replicationFactor())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
                                + TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInSyncReplicas()),
                        TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
    }

    /**
     * Compacted: only each complaint's latest record matters, and an erasure's tombstone makes compaction remove
     * the key itself. Nothing expires by age (a key lives as long as its complaint), and segments roll daily so
     * that an erased key leaves the log within a day or so, not after the default week.
     */
    @Bean
    NewTopic keysTopic(IntakeProperties properties) {
        IntakeProperties.Topics topics = properties.topics();
        long tombstoneRetention = topics.keyTombstoneRetention().toMillis();
        return new NewTopic(topics.keys(), topics.partitions(), (short) topics.replicationFactor())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(tombstoneRetention),
                        TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInSyncReplicas()),
                        TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, "false"));
    }
}
