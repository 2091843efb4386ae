package org.hotline.intake.complaint.messaging;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Health for the readiness probe: the broker answers, and the idempotency ledger has caught up. */
@Configuration(proxyBeanMethods = false)
class KafkaHealthConfiguration {

    private static final int TIMEOUT_MS = 2000;

    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        Map<String, Object> config = new java.util.HashMap<>(admin.getConfigurationProperties());
        config.put("request.timeout.ms", TIMEOUT_MS);
        config.put("default.api.timeout.ms", TIMEOUT_MS);
        return () -> {
            try (AdminClient client = AdminClient.create(config)) {
                int brokers = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("brokers", brokers).build();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }

    @Bean
    HealthIndicator idempotencyLedgerHealthIndicator(KafkaIdempotencyLedger ledger) {
        return () -> ledger.isReady() ? Health.up().withDetail("keys", ledger.size()).build()
                : Health.outOfService().withDetail("reason", "still replaying the idempotency topic").build();
    }
}
