package org.hotline.notification.dispatch.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.web.tracing.ComplaintTracing;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka side of the routed complaints: their reader, their consumer and the ledger on its compacted topic. The
 * ladder's letters have a consumer and a ledger of their own ({@link LadderMailConfiguration}), built by the same
 * methods. The topics this service owns are {@link TopicConfiguration}'s; the settings every client shares,
 * starting from Boot's {@code spring.kafka.*} so that the cluster's security settings reach all of them, are
 * {@link KafkaClients}'.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

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
            MeterRegistry meters, Clock clock, ComplaintTracing tracing) {
        NotificationProperties.Topics topics = properties.topics();
        return consumer(kafka, properties, topics.routed(), topics.group(), topics.deadLetter(),
                "routed-complaints-consumer", value -> {
                    RoutedComplaint complaint = reader.read(value);
                    return new SourceConsumer.Planned(complaint.receivedAt(), planner.plan(complaint));
                }, dispatcher, ledger, meters, clock, tracing);
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
            Map<String, Object> config = KafkaClients.producerConfig(kafka);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + KafkaClients.LINGER_MS);
            // An open transaction of an instance that died is aborted by the broker after this; until then the
            // partition's next owner waits for it when it takes the partition.
            config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
            // A transaction begun right after the previous one committed is refused (CONCURRENT_TRANSACTIONS) until
            // the broker has finished the previous one, usually within milliseconds: retry soon, not after 100 ms.
            config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
            return new KafkaProducer<>(config);
        }, KafkaClients.markerProducer(kafka, timeout, (int) settings.markerLinger().toMillis()), () -> {
            Map<String, Object> config = KafkaClients.consumerConfig(kafka);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
            return new KafkaConsumer<>(config);
        }, new OutcomeRecords(json, properties.topics().outcomes()), json, settings.loadTimeout());
    }

    /** A consumer of {@code topic} in {@code group}, its poison records sent to {@code deadLetter}. */
    static SourceConsumer consumer(KafkaProperties kafka, NotificationProperties properties, String topic,
            String group, String deadLetter, String threadName, SourceConsumer.Planner planner, Dispatcher dispatcher,
            KafkaLedger ledger, MeterRegistry meters, Clock clock, ComplaintTracing tracing) {
        Map<String, Object> config = KafkaClients.consumerConfig(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.kafka().maxPollRecords());
        // A topic not created yet (cases.events.v1 before the case service first starts) is waited for, never
        // created here with the broker's defaults: the case service's Kafka Streams needs its partition count.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // ...and noticed within 30 s of its creation rather than the default 5 minutes.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        DeadLetters deadLetters = new DeadLetters(KafkaClients.deadLetterTemplate(kafka, properties), deadLetter, group,
                properties.kafka().sendTimeout(), meters.counter("hotline.notification.dead.letters", "topic", topic),
                clock);
        return new SourceConsumer(() -> new KafkaConsumer<>(config), topic, threadName, planner, dispatcher, ledger,
                deadLetters, properties.maxBacklog(), meters, tracing);
    }
}
