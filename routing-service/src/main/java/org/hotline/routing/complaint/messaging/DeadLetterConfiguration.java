package org.hotline.routing.complaint.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.hotline.routing.complaint.config.RoutingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure handling of {@code routeComplaint-in-0} (group {@code routing-service}, batch mode, one Kafka
 * transaction per poll).
 *
 * <ul>
 *   <li>A record routing cannot route does not fail the poll: {@link RouteComplaintHandler} turns it into a
 *       dead letter on {@code complaints.received.v1.dlt}, sent in the poll's transaction.</li>
 *   <li>Anything else that fails (the broker, a send, the commit) rolls the whole poll back: no ComplaintRouted
 *       and no dead letter of it becomes visible to {@code read_committed} readers, and no offset moves. The
 *       {@link DefaultAfterRollbackProcessor} below seeks every partition of the poll back to its first record
 *       and waits ({@code hotline.routing.poll-retry}) before the next poll, as long as it takes: such a
 *       failure is not the records' fault, so they are never dead-lettered for it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> rolledBackPollRetry(
            RoutingProperties properties) {
        RoutingProperties.PollRetry retry = properties.pollRetry();
        return (container, destinationName, group) -> {
            if (container.getContainerProperties().getKafkaAwareTransactionManager() == null) {
                throw new IllegalStateException("routing needs a transactional binder: set "
                        + "spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix");
            }
            ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
            backOff.setMaxInterval(retry.maxInterval().toMillis());
            @SuppressWarnings("unchecked")
            AbstractMessageListenerContainer<Object, Object> typed =
                    (AbstractMessageListenerContainer<Object, Object>) container;
            typed.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(backOff));
        };
    }

    /** Creates the dead-letter topic at start when it is missing; a broker that is down does not stop the start. */
    @Bean
    SmartInitializingSingleton deadLetterTopic(RoutingProperties properties, KafkaProperties kafka,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return () -> {
            RoutingProperties.DeadLetters dlt = properties.deadLetters();
            if (!dlt.createTopic()) {
                return;
            }
            NewTopic topic = new NewTopic(dlt.topic(), dlt.partitions(), (short) dlt.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(dlt.retention().toMillis())));
            Map<String, Object> settings = BinderAdminSettings.of(kafka, brokers);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            try (AdminClient admin = AdminClient.create(settings)) {
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
}
