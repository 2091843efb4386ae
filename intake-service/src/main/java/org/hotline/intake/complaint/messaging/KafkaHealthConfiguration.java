package org.hotline.intake.complaint.messaging;

import org.hotline.web.kafka.BrokerHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health for the readiness probe: the broker answers, every committer has readied its first transaction, and the
 * idempotency ledger has caught up.
 */
@Configuration(proxyBeanMethods = false)
class KafkaHealthConfiguration {

    @Bean
    BrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new BrokerHealthIndicator(admin.getConfigurationProperties());
    }

    @Bean
    HealthIndicator groupCommitHealthIndicator(GroupCommit<?> groupCommit) {
        return () -> groupCommit.prepared() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "readying the first transaction").build();
    }

    @Bean
    HealthIndicator idempotencyLedgerHealthIndicator(KafkaIdempotencyLedger ledger) {
        return () -> ledger.isReady() ? Health.up().withDetail("keys", ledger.size()).build()
                : Health.outOfService().withDetail("reason", "still replaying the idempotency topic").build();
    }
}
