package org.hotline.routing.complaint.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of complaint routing ({@code hotline.routing.*}). Topic names of the bindings themselves are set
 * under {@code spring.cloud.stream.bindings}; these are the ones the service handles itself.
 *
 * @param deadLetters where undecidable {@code ComplaintReceived} records go, and how that topic is made
 * @param maxPreviewBodyBytes the largest preview request body accepted; larger bodies get 413
 */
@Validated
@ConfigurationProperties("hotline.routing")
public record RoutingProperties(
        @DefaultValue @Valid DeadLetters deadLetters,
        @DefaultValue("65536") @Min(1024) int maxPreviewBodyBytes) {

    /**
     * @param topic the dead-letter topic; records keep their key, value and headers, with x-dead-letter-* and
     *     kafka_dlt-* headers added
     * @param partitions partitions of the topic when the service creates it
     * @param replicationFactor replicas of the topic when the service creates it (3 in production)
     * @param retention how long dead letters are kept for an operator to look at (30 days, docs/events.md)
     * @param sendTimeout how long a dead-letter send may take before the record is retried instead; it runs on
     *     the consumer thread, so keep it well below {@code max.poll.interval.ms}
     * @param createTopic whether the service creates the topic at start when it is missing (off where topics
     *     are provisioned by the platform)
     */
    public record DeadLetters(
            @DefaultValue("complaints.received.v1.dlt") @NotBlank String topic,
            @DefaultValue("1") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
            @DefaultValue("30d") @NotNull Duration retention,
            @DefaultValue("10s") @NotNull Duration sendTimeout,
            @DefaultValue("true") boolean createTopic) {
    }
}
