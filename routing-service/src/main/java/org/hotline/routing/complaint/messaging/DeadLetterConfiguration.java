package org.hotline.routing.complaint.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hotline.routing.complaint.application.RoutingMetrics;
import org.hotline.routing.complaint.config.RoutingProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Failure handling of {@code routeComplaint-in-0} (group {@code routing-service}), moved from the binder to the
 * listener container, because the binder's own dead-letter sender only logs a failed send and lets the offset
 * move on, losing the record.
 *
 * <ul>
 *   <li>Each failure rolls the Kafka transaction back (no ComplaintRouted, offset not committed).</li>
 *   <li>{@link UndecidableEventException} (not JSON, schema version other than 1, a required field missing or
 *       invalid) is not retried: the record goes to the dead-letter topic at once.</li>
 *   <li>Anything else is retried on the consumer thread with the binding's back-off ({@code max-attempts},
 *       {@code back-off-*}), then dead-lettered.</li>
 *   <li>The dead-letter send and the offset commit share one transaction; if the send fails, the offset does
 *       not move and the record is tried again.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    static final String REASON = "x-dead-letter-reason";
    static final String REASON_CODE = "x-dead-letter-reason-code";

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer deadLetterCustomizer(RoutingProperties properties,
            RoutingMetrics metrics, Clock clock) {
        String topic = properties.deadLetters().topic();
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                    String group,
                    @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    @Nullable BackOff backOff) {
                KafkaAwareTransactionManager<?, ?> transactions =
                        container.getContainerProperties().getKafkaAwareTransactionManager();
                if (transactions == null) {
                    throw new IllegalStateException("routing needs a transactional binder: set "
                            + "spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix");
                }
                KafkaTemplate<?, ?> template = new KafkaTemplate<>(transactions.getProducerFactory());
                // Partition -1: the producer picks it from the key, so the DLT may have fewer partitions.
                DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                        (record, exception) -> new TopicPartition(topic, -1));
                publisher.setFailIfSendResultIsError(true);
                publisher.setWaitForSendResultTimeout(properties.deadLetters().sendTimeout());
                publisher.setHeadersFunction((record, exception) -> reasonHeaders(record, exception, clock));
                DefaultAfterRollbackProcessor<Object, Object> afterRollback = new DefaultAfterRollbackProcessor<>(
                        (record, exception) -> {
                            publisher.accept(record, exception);
                            Cause cause = cause(exception);
                            metrics.deadLettered(cause.code);
                            log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(),
                                    record.offset(), topic, cause.detail);
                        },
                        backOff == null ? new FixedBackOff(0L, 0L) : backOff, template, true);
                afterRollback.addNotRetryableExceptions(UndecidableEventException.class);
                @SuppressWarnings("unchecked")
                AbstractMessageListenerContainer<Object, Object> typed =
                        (AbstractMessageListenerContainer<Object, Object>) container;
                typed.setAfterRollbackProcessor(afterRollback);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    /** Creates the dead-letter topic at start when it is missing; a broker that is down does not stop the start. */
    @Bean
    SmartInitializingSingleton deadLetterTopic(RoutingProperties properties,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return () -> {
            RoutingProperties.DeadLetters dlt = properties.deadLetters();
            if (!dlt.createTopic()) {
                return;
            }
            NewTopic topic = new NewTopic(dlt.topic(), dlt.partitions(), (short) dlt.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(dlt.retention().toMillis())));
            try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                if (!existing.contains(dlt.topic())) {
                    admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
                    log.info("Created dead-letter topic {}", dlt.topic());
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    log.warn("Could not create dead-letter topic {}: {}", dlt.topic(), e.getCause().toString());
                }
            } catch (TimeoutException e) {
                log.warn("Could not create dead-letter topic {}: broker did not answer", dlt.topic());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception exception, Clock clock) {
        Cause cause = cause(exception);
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, cause.detail.getBytes(StandardCharsets.UTF_8));
        headers.add(REASON_CODE, cause.code.getBytes(StandardCharsets.UTF_8));
        headers.add("x-dead-letter-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("x-dead-letter-original-partition",
                String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("x-dead-letter-original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add("x-dead-letter-at", clock.instant().toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The undecidable-event reason inside the wrappers the binder and container add, or the root failure. */
    static Cause cause(Throwable exception) {
        Throwable current = exception;
        Throwable root = exception;
        while (current != null) {
            if (current instanceof UndecidableEventException undecidable) {
                return new Cause(undecidable.reason(), undecidable.getMessage());
            }
            root = current;
            current = current.getCause();
        }
        return new Cause("retries_exhausted", "failed after all attempts: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    record Cause(String code, String detail) {
    }
}
