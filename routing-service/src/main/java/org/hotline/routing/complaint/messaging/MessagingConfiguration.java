package org.hotline.routing.complaint.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.hotline.routing.complaint.application.ComplaintRouter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The {@code routeComplaint} function bound to {@code complaints.received.v1}, and the broker's health. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final int HEALTH_TIMEOUT_MS = 2000;

    @Bean
    Function<Message<byte[]>, Message<byte[]>> routeComplaint(ComplaintRouter router, Clock clock) {
        return new RouteComplaintHandler(router, clock);
    }

    /** Readiness: the broker answers. */
    @Bean
    HealthIndicator kafkaHealthIndicator(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, HEALTH_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, HEALTH_TIMEOUT_MS);
        return () -> {
            try (AdminClient client = AdminClient.create(config)) {
                int brokerCount = client.describeCluster(new DescribeClusterOptions().timeoutMs(HEALTH_TIMEOUT_MS))
                        .nodes().get(HEALTH_TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("brokers", brokerCount).build();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
