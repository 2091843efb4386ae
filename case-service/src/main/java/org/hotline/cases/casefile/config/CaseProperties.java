package org.hotline.cases.casefile.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the case files ({@code hotline.cases.*}). Kafka Streams itself is {@code spring.kafka.streams.*}.
 *
 * @param topics the topics this service reads and writes, and how it creates the ones it owns
 */
@Validated
@ConfigurationProperties("hotline.cases")
public record CaseProperties(@DefaultValue @Valid Topics topics) {

    /**
     * @param received intake's {@code ComplaintReceived}
     * @param routed routing's {@code ComplaintRouted}
     * @param outcomes notification's {@code NotificationOutcome}
     * @param caseEvents this service's events ({@code AssignmentAcknowledged}), which it also reads back into the
     *     case files
     * @param status this service's own compacted topic: each case file keyed by reference, which every instance
     *     reads whole into a global store so that any instance answers any status request
     * @param partitions partitions of {@code caseEvents} when this service creates it; keep it equal to the
     *     partitions of the complaint topics, whose partition p is processed with partition p of each other topic
     * @param replicationFactor replicas of the topics this service creates
     */
    public record Topics(
            @DefaultValue("complaints.received.v1") @NotBlank String received,
            @DefaultValue("complaints.routed.v1") @NotBlank String routed,
            @DefaultValue("notifications.outcomes.v1") @NotBlank String outcomes,
            @DefaultValue("cases.events.v1") @NotBlank String caseEvents,
            @DefaultValue("case.status.v1") @NotBlank String status,
            @DefaultValue("6") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) short replicationFactor) {
    }
}
