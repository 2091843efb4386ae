package org.hotline.notification.dispatch.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.hotline.notification.sealing.domain.SealedFields;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka side: the routed-complaints consumer, the ledger on its compacted topic, the producer of dead letters,
 * and the topics this service owns. The ladder's letters have a consumer and a ledger of their own
 * ({@link LadderMailConfiguration}), built by the same methods. Every client starts from Boot's {@code spring.kafka.*} settings, so the
 * cluster's security settings (SASL_SSL, SCRAM, trust store) apply to all of them.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms; both are set from sendTimeout. */
    private static final int LINGER_MS = 1;

    private static final int BATCH_BYTES = 256 * 1024;

    @Bean
    ComplaintRoutedReader complaintRoutedReader(JsonMapper json, SealedFields sealer) {
        return new ComplaintRoutedReader(json, sealer);
    }

    @Bean(destroyMethod = "close")
    KafkaLedger kafkaLedger(KafkaProperties kafka, NotificationProperties properties, JsonMapper json) {
        return ledger(kafka, properties, json, properties.topics().ledger(),
                properties.ledger().transactionalIdPrefix());
    }

    @Bean
    SourceConsumer routedComplaintsConsumer(KafkaProperties kafka, NotificationProperties properties,
            ComplaintRoutedReader reader, MessagePlanner planner, Dispatcher dispatcher, KafkaLedger ledger,
            MeterRegistry meters, Clock clock) {
        NotificationProperties.Topics topics = properties.topics();
        return consumer(kafka, properties, topics.routed(), topics.group(), topics.deadLetter(),
                "routed-complaints-consumer", value -> {
                    RoutedComplaint complaint = reader.read(value);
                    return new SourceConsumer.Planned(complaint.receivedAt(), planner.plan(complaint));
                }, dispatcher, ledger, meters, clock);
    }

    /**
     * A ledger on {@code topic}, its writers' transactional ids {@code prefix + partition}. The routed complaints'
     * messages and the ladder's letters each have their own.
     */
    static KafkaLedger ledger(KafkaProperties kafka, NotificationProperties properties, JsonMapper json, String topic,
            String prefix) {
        NotificationProperties.Ledger settings = properties.ledger();
        int timeout = (int) properties.kafka().sendTimeout().toMillis();
        return new KafkaLedger(topic, prefix, transactionalId -> {
            Map<String, Object> config = producerConfig(kafka);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + LINGER_MS);
            // An open transaction of an instance that died is aborted by the broker after this; until then the
            // partition's next owner waits for it when it takes the partition.
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
            // A transaction begun right after the previous one committed is refused (CONCURRENT_TRANSACTIONS) until
            // the broker has finished the previous one, usually within milliseconds: retry soon, not after 100 ms.
            config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
            return new KafkaProducer<>(config);
        }, markerProducer(kafka, timeout), () -> {
            Map<String, Object> config = consumerConfig(kafka);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
            return new KafkaConsumer<>(config);
        }, new OutcomeRecords(json, properties.topics().outcomes()), json, settings.loadTimeout());
    }

    /** A consumer of {@code topic} in {@code group}, its poison records sent to {@code deadLetter}. */
    static SourceConsumer consumer(KafkaProperties kafka, NotificationProperties properties, String topic,
            String group, String deadLetter, String threadName, SourceConsumer.Planner planner, Dispatcher dispatcher,
            KafkaLedger ledger, MeterRegistry meters, Clock clock) {
        Map<String, Object> config = consumerConfig(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.kafka().maxPollRecords());
        // A topic not created yet (cases.events.v1 before the case service first starts) is waited for, never
        // created here with the broker's defaults: the case service's Kafka Streams needs its partition count.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // ...and noticed within 30 s of its creation rather than the default 5 minutes.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        DeadLetters deadLetters = new DeadLetters(deadLetterTemplate(kafka, properties), deadLetter, group,
                properties.kafka().sendTimeout(), meters.counter("hotline.notification.dead.letters", "topic", topic),
                clock);
        return new SourceConsumer(() -> new KafkaConsumer<>(config), topic, threadName, planner, dispatcher, ledger,
                deadLetters, properties.maxBacklog(), meters);
    }

    @Bean
    NewTopic outcomesTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.outcomes()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).build();
    }

    @Bean
    NewTopic deadLetterTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.deadLetter()).partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config("retention.ms", String.valueOf(topics.deadLetterRetention().toMillis())).build();
    }

    /** As many partitions as complaints.routed.v1: ledger partition p holds the messages of routed partition p. */
    @Bean
    NewTopic ledgerTopic(NotificationProperties properties) {
        NotificationProperties.Topics topics = properties.topics();
        return TopicBuilder.name(topics.ledger()).partitions(topics.partitions())
                .replicas(topics.replicationFactor()).compact().build();
    }

    /** Sent-markers: acks=all, idempotent, no transaction, sent without waiting. */
    private static KafkaProducer<byte[], byte[]> markerProducer(KafkaProperties kafka, int timeout) {
        Map<String, Object> config = producerConfig(kafka);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + LINGER_MS);
        return new KafkaProducer<>(config);
    }

    private static KafkaTemplate<byte[], byte[]> deadLetterTemplate(KafkaProperties kafka,
            NotificationProperties properties) {
        Map<String, Object> config = producerConfig(kafka);
        int timeout = (int) properties.kafka().sendTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + LINGER_MS);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    static Map<String, Object> producerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // A produce request carries at most one batch per partition: 256 KiB holds a whole transaction's share
        // of a partition, where the default 16 KiB took several round trips (as measured for intake and routing).
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    private static Map<String, Object> consumerConfig(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // Routing and this service's ledger write in transactions: never read records of aborted ones.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }
}
