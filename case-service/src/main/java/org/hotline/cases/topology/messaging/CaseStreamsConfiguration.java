package org.hotline.cases.topology.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.application.CaseRecorder;
import org.hotline.cases.casefile.application.DecidedBody;
import org.hotline.cases.casefile.config.CaseProperties;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.TrackingCodes;
import org.hotline.cases.escalation.config.EscalationProperties;
import org.hotline.cases.escalation.domain.SilenceCheck;
import org.hotline.cases.escalation.messaging.LadderEvents;
import org.hotline.cases.escalation.messaging.LadderMetrics;
import org.hotline.cases.sealing.domain.SealedFields;
import org.hotline.web.tracing.ComplaintTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case files as a Kafka Streams application (docs/case.md): the four topics, keyed by complaint id, feed one
 * processor whose {@code case-files} store is partitioned like them and backed by a changelog, so the files
 * survive restarts and move with their partitions when instances come and go. Each updated file also goes, keyed
 * by reference, to the compacted status topic, which every instance reads whole into a global store for the
 * status questions. The same processor checks its files for silent bodies and writes the reminders and escalations
 * to the case events topic, which it also reads (it skips those events: the file recorded them already).
 * Exactly-once v2: each record's store update, changelog, status record and offset commit
 * together, and only committed records of the input topics are read.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CaseStreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseStreamsConfiguration.class);
    /** How Kafka Streams names its global thread: the client's id, then this. */
    private static final String GLOBAL_THREAD_SUFFIX = "-GlobalStreamThread";

    /** Created when missing; the complaint topics belong to the services that write them. */
    @Bean
    NewTopic caseEventsTopic(CaseProperties properties) {
        CaseProperties.Topics topics = properties.topics();
        return new NewTopic(topics.caseEvents(), topics.partitions(), topics.replicationFactor());
    }

    /** Compacted: the newest file of each reference is all a reader needs. */
    @Bean
    NewTopic statusTopic(CaseProperties properties) {
        CaseProperties.Topics topics = properties.topics();
        return new NewTopic(topics.status(), topics.partitions(), topics.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    @Bean
    CaseFileCodec caseFileCodec(JsonMapper json) {
        return new CaseFileCodec(json);
    }

    @Bean
    KStream<String, CaseOutput> caseFileTopology(StreamsBuilder builder, CaseProperties properties, JsonMapper json,
            SealedFields opener, CaseRecorder recorder, CaseFileCodec codec, MeterRegistry meters, SilenceCheck check,
            Clock clock, EscalationProperties escalation, ComplaintTracing tracing) {
        CaseProperties.Topics topics = properties.topics();
        CaseEventReader reader = new CaseEventReader(json, opener, recorder, topics);
        Counter unreadable = Counter.builder("hotline.cases.events.unreadable")
                .description("Records skipped because they are not the event their topic promises")
                .register(meters);
        // Cached: the changes of a file within a commit interval reach its changelog as one record, at the commit
        // and in its transaction (statestore.cache.max.bytes bounds what waits).
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CaseFileProcessor.STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CaseFileProcessor.COMPLAINANTS), Serdes.String(), Serdes.ByteArray()));
        ComplainantUpdates updates = new ComplainantUpdates(json);
        CaseFileProcessor.Silence silence = new CaseFileProcessor.Silence(check, new LadderEvents(json),
                new LadderMetrics(meters), clock, escalation.checkInterval(), escalation.checkBatch());
        KStream<String, CaseOutput> files = builder
                .stream(List.of(topics.received(), topics.routed(), topics.outcomes(), topics.caseEvents()),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new CaseFileProcessor(reader, recorder, codec, unreadable::increment, silence,
                        updates, tracing), CaseFileProcessor.STORE, CaseFileProcessor.COMPLAINANTS);
        files.filter((reference, output) -> output instanceof CaseOutput.Status).mapValues(CaseOutput::bytes)
                .to(topics.status(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        files.filter((complaintId, output) -> output instanceof CaseOutput.Event).mapValues(CaseOutput::bytes)
                .to(topics.caseEvents(), Produced.with(Serdes.String(), Serdes.ByteArray()));
        builder.globalTable(topics.status(), Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(GlobalStatusStore.STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        return files;
    }

    /**
     * A failure other than an unreadable record (the broker, the store) ends the stream thread with its
     * transaction rolled back; a new thread takes the tasks and reads the records again, as routing retries a
     * poll. Kafka Streams' default would stop the whole client and leave the service unready for good.
     * The global thread, which keeps the status store, cannot be replaced: its failure stops the client, and
     * liveness then asks for a restart ({@link #caseStreamsHealthIndicator}). Kafka Streams 4.1 would stop it too
     * when asked to replace that thread, but then throws a ClassCastException on it.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(exception -> {
            if (Thread.currentThread().getName().endsWith(GLOBAL_THREAD_SUFFIX)) {
                log.error("The case-status thread failed; the streams stop, and the instance is not live until "
                        + "restarted", exception);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            }
            log.error("A case-files stream thread failed; replacing it, its records are read again", exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /**
     * Kafka Streams' own metrics stay out of Micrometer, which Spring Boot binds them to. Micrometer reads every
     * Kafka metric's value as it binds them (at start, and again whenever the set changes, as in a rebalance), and a
     * scrape reads the gauges; RocksDB's property gauges among them read a store's native handle with nothing to stop
     * Kafka Streams closing that store meanwhile, and such a read crashed a test JVM (SIGSEGV in RocksDB's
     * GetAggregatedIntProperty as the service started, 2026-12-07; Kafka's KAFKA-10025). The service exports its
     * groups' lag from the broker instead (ConsumerLagConfiguration). Runs after every configurer has added its
     * listener and before the streams start.
     */
    @Bean
    SmartInitializingSingleton noStreamsMetricsInMicrometer(StreamsBuilderFactoryBean streams) {
        return () -> List.copyOf(streams.getListeners()).stream()
                .filter(KafkaStreamsMicrometerListener.class::isInstance)
                .forEach(streams::removeListener);
    }

    @Bean
    GlobalStatusStore caseFiles(StreamsBuilderFactoryBean streams, CaseFileCodec codec, CaseRecorder recorder) {
        UUID nobody = new UUID(0, 0);
        Instant epoch = Instant.EPOCH;
        DecidedBody body = new DecidedBody("kz-00-stand-in-authority", "EDUCATION_AUTHORITY",
                Map.of("kk", "Stand-in authority name, about as long as a real one",
                        "ru", "Stand-in authority name, about as long as a real one",
                        "en", "Stand-in authority name, about as long as a real one"), "PRIMARY", "ru", null, null);
        CaseFile standIn = recorder.record(null, new CaseEvent.ComplaintRegistered(nobody, "HL-0000-0000-0000",
                epoch, TrackingCodes.hash(nobody, "0000-0000-0000-0000")));
        standIn = recorder.record(standIn, recorder.decision(nobody, "HL-0000-0000-0000", epoch, null,
                List.of(body, body), Circumstances.UNKNOWN));
        return new GlobalStatusStore(streams, codec, standIn);
    }

    /** Ready only while the streams run: before, the status store may be empty and would answer 404. */
    @Bean
    HealthIndicator caseFilesHealthIndicator(StreamsBuilderFactoryBean streams) {
        return () -> {
            KafkaStreams.State state = state(streams);
            Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up()
                    : state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING ? Health.down()
                    : Health.outOfService();
            return health.withDetail("streams", state.name()).build();
        };
    }

    /**
     * Live unless Kafka Streams has stopped for good. The global thread, which keeps the status store, cannot be
     * replaced as the stream threads are: when it fails (a state folder kept from before the broker's data was
     * wiped is one way) the whole client goes to ERROR and never runs again. A restart mends it, Kafka Streams
     * having cleaned the global store's folder, so liveness goes DOWN and Kubernetes restarts the instance. A broker
     * outage is not such a failure: Kafka Streams retries, and a stream thread that gives up is replaced (above).
     */
    @Bean
    HealthIndicator caseStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return () -> {
            KafkaStreams.State state = state(streams);
            Health.Builder health = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    ? Health.down() : Health.up();
            return health.withDetail("streams", state.name()).build();
        };
    }

    /** CREATED until the factory has built the client. */
    private static KafkaStreams.State state(StreamsBuilderFactoryBean streams) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        return kafkaStreams == null ? KafkaStreams.State.CREATED : kafkaStreams.state();
    }
}
