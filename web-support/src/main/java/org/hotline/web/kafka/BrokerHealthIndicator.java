package org.hotline.web.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness: the broker answers a cluster description within 2 s. One admin client serves every probe: it
 * connects lazily and reconnects by itself, where a client per probe would open connections and threads every
 * few seconds. Spring closes it with the context. Intake and routing declare it as their {@code kafka} health
 * indicator.
 */
public final class BrokerHealthIndicator implements HealthIndicator, AutoCloseable {

    private static final int TIMEOUT_MS = 2000;

    private final AdminClient client;

    /** @param adminConfig the admin client's settings (the bootstrap servers at least); the timeouts are set here */
    public BrokerHealthIndicator(Map<String, Object> adminConfig) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.client = AdminClient.create(config);
    }

    @Override
    public Health health() {
        try {
            int brokers = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
