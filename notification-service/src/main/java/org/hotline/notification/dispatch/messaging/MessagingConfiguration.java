package org.hotline.notification.dispatch.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline.notification.dispatch.application.NotificationPlanning;
import org.hotline.notification.dispatch.application.OutcomePublisher;
import org.hotline.notification.dispatch.config.NotificationProperties;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka side: the {@code routedComplaints} consumer (binding {@code routedComplaints-in-0}, group
 * {@code notification-service}, read_committed, see application.yml), its failure handling, and the producer
 * for outcomes and dead letters.
 *
 * <p>Failure handling of the consumer: a {@link PoisonEventException} is not retried and goes straight to
 * {@code complaints.routed.v1.dlt} with {@code x-dead-letter-*} headers naming the reason. Anything else
 * (the ledger's disk failing) is retried forever with exponential back-off capped at a few seconds, each wait
 * far below {@code max.poll.interval.ms}, so no rebalance follows. The dead-letter send is synchronous and
 * part of the error handler: if it fails, the record is redelivered and the offset never moves past it
 * (unlike the binder's own DLQ, which only logs a failed send).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

    @Bean
    ComplaintRoutedReader complaintRoutedReader(JsonMapper json, FieldSealer sealer) {
        return new ComplaintRoutedReader(json, sealer);
    }

    /** Thin: record to command to application service. */
    @Bean
    Consumer<Message<byte[]>> routedComplaints(ComplaintRoutedReader reader, NotificationPlanning planning) {
        return message -> planning.handle(reader.read(message.getPayload()));
    }

    /**
     * Starts from Boot's {@code spring.kafka.*} producer settings, so the cluster's security settings
     * (SASL_SSL, SCRAM, trust store) apply to outcomes and dead letters too.
     */
    @Bean
    KafkaTemplate<byte[], byte[]> notificationKafkaTemplate(KafkaProperties kafka, NotificationProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int timeout = (int) properties.kafka().sendTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + 1);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutcomePublisher outcomePublisher(KafkaTemplate<byte[], byte[]> notificationKafkaTemplate, JsonMapper json,
            NotificationProperties properties) {
        return new KafkaOutcomePublisher(notificationKafkaTemplate, json, properties.topics().outcomes(),
                properties.kafka().sendTimeout());
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
                .replicas(topics.replicationFactor()).config("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))
                .build();
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer deadLettering(KafkaTemplate<byte[], byte[]> notificationKafkaTemplate,
            NotificationProperties properties, MeterRegistry meters) {
        String deadLetterTopic = properties.topics().deadLetter();
        Counter deadLetters = meters.counter("notification.dead.letters");
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group,
                    @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    @Nullable BackOff backOff) {
            DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(notificationKafkaTemplate,
                    (record, exception) -> new TopicPartition(deadLetterTopic, -1));
            recoverer.setFailIfSendResultIsError(true);
            recoverer.setWaitForSendResultTimeout(properties.kafka().sendTimeout());
            recoverer.setHeadersFunction((record, exception) -> {
                Throwable reason = rootReason(exception);
                log.warn("record {}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(),
                        reason.getMessage());
                deadLetters.increment();
                Headers headers = new RecordHeaders();
                headers.add("x-dead-letter-reason", bytes(String.valueOf(reason.getMessage())));
                headers.add("x-dead-letter-exception", bytes(reason.getClass().getName()));
                headers.add("x-dead-letter-topic", bytes(record.topic()));
                headers.add("x-dead-letter-partition", bytes(String.valueOf(record.partition())));
                headers.add("x-dead-letter-offset", bytes(String.valueOf(record.offset())));
                headers.add("x-dead-letter-group", bytes(group));
                return headers;
            });
            ExponentialBackOff retry = new ExponentialBackOff(properties.kafka().retryInitial().toMillis(), 2.0);
            retry.setMaxInterval(properties.kafka().retryMax().toMillis());
            DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retry);
            handler.addNotRetryableExceptions(PoisonEventException.class);
            handler.setCommitRecovered(true);
            container.setCommonErrorHandler(handler);
            }

            /** The binder's own retry and DLQ stay off: the error handler above does both. */
            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    private static Throwable rootReason(Throwable exception) {
        Throwable current = exception;
        while (current != null) {
            if (current instanceof PoisonEventException) {
                return current;
            }
            current = current.getCause();
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
