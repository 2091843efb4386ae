package org.hotline.routing.complaint.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The settings of routing's own admin clients (the broker's health, the dead-letter topic's creation): Spring Boot's
 * {@code spring.kafka.*} client settings, where production's SASL_SSL login and trust store are
 * (docs/kafka-production.md), with the binder's brokers. Built from the brokers alone, an admin client speaks
 * PLAINTEXT to a TLS listener and routing never became ready (found by SecuredClusterIT).
 */
final class BinderAdminSettings {

    private BinderAdminSettings() {
    }

    static Map<String, Object> of(KafkaProperties kafka, String brokers) {
        Map<String, Object> settings = new HashMap<>(kafka.buildAdminProperties());
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        return settings;
    }
}
