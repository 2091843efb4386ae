package org.hotline.deploy.checks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/**
 * Strimzi's {@code KafkaTopic} (kafka.strimzi.io/v1beta2), as far as this project writes it. fabric8 has no model
 * for Strimzi's resources; read with unknown properties refused, this record is as strict as the typed models.
 */
record KafkaTopic(
        @JsonProperty(required = true) String apiVersion,
        @JsonProperty(required = true) String kind,
        @JsonProperty(required = true) ObjectMeta metadata,
        @JsonProperty(required = true) Spec spec) {

    /**
     * @param topicName the topic's name in Kafka when it differs from metadata.name
     * @param config topic-level configuration, e.g. min.insync.replicas
     */
    record Spec(
            String topicName,
            @JsonProperty(required = true) Integer partitions,
            @JsonProperty(required = true) Integer replicas,
            Map<String, Object> config) {
    }

    String topic() {
        return spec.topicName() != null ? spec.topicName() : metadata.getName();
    }

    /** A topic configuration value as Kafka reads it (YAML numbers and booleans written as text). */
    String config(String key) {
        Object value = spec.config() == null ? null : spec.config().get(key);
        return value == null ? null : String.valueOf(value);
    }
}
