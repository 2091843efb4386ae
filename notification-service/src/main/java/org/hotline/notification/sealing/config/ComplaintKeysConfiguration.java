package org.hotline.notification.sealing.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.hotline.notification.sealing.domain.SealedFields;
import org.hotline.notification.sealing.messaging.StoredComplaintKeys;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The complaints' data keys, followed from their topic, and the opener of sealed fields that uses them. */
@Configuration(proxyBeanMethods = false)
class ComplaintKeysConfiguration {

    @Bean
    StoredComplaintKeys complaintKeys(ComplaintKeysProperties properties, KafkaProperties kafka,
            MeterRegistry registry) {
        String directory = properties.directory();
        StoredComplaintKeys keys = StoredComplaintKeys.start(kafka.buildConsumerProperties(), properties.topic(),
                directory != null ? Path.of(directory) : defaultDirectory(),
                properties.catchUpTimeout(), properties.rebuildAfter());
        Gauge.builder("hotline.sealing.complaint.keys", keys, StoredComplaintKeys::keysHeld)
                .description("Complaints' data keys in this instance's local store, roughly (erased ones excluded)")
                .register(registry);
        return keys;
    }

    /** One folder per service under the machine's temporary folder: a restart resumes it. */
    private static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "hotline-complaint-keys", "notification-service");
    }

    /**
     * In the readiness group: an instance whose store has not yet read the keys topic to its end (the topic
     * missing, no right to read it, the broker unreachable since the start) takes no traffic and says so, rather
     * than putting every new complaint off without a word.
     */
    @Bean
    HealthIndicator complaintKeysHealthIndicator(StoredComplaintKeys keys) {
        return () -> (keys.caughtUp() ? Health.up() : Health.outOfService())
                .withDetail("keysHeld", keys.keysHeld()).build();
    }

    @Bean
    SealedFields sealedFields(FieldSealer sealer, StoredComplaintKeys keys) {
        return new SealedFields(sealer, keys);
    }
}
