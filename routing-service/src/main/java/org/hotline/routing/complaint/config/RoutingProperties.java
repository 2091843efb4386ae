package org.hotline.routing.complaint.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of complaint routing ({@code hotline.routing.*}). Topic names of the bindings themselves are set
 * under {@code spring.cloud.stream.bindings}; these are the ones the service handles itself.
 *
 * @param deadLetters where undecidable {@code ComplaintReceived} records go, and how that topic is made
 * @param maxPreviewBodyBytes the largest preview request body accepted; larger bodies get 413
 * @param routingAttempts how many times a record whose routing throws (anything but an undecidable event) is
 *     routed in place before it is dead-lettered as {@code routing_failed}; routing is computation over the
 *     directory in memory, so a failure is almost always a bug that would repeat, and the records polled with
 *     it must not wait for it
 * @param pollRetry how long to wait before polling again after a poll's transaction was rolled back (the broker
 *     or a send failed); such a poll is retried until it commits, never dead-lettered
 * @param deadlines the working-day calendar and the statutory clocks that date each assignment's
 *     {@code acknowledgeBy} and {@code answerBy}; the same files as the case service's
 *     {@code hotline.cases.deadlines.*}, which holds the bodies to these dates
 */
@Validated
@ConfigurationProperties("hotline.routing")
public record RoutingProperties(
        @DefaultValue @Valid DeadLetters deadLetters,
        @DefaultValue("65536") @Min(1024) int maxPreviewBodyBytes,
        @DefaultValue("3") @Min(1) @Max(10) int routingAttempts,
        @DefaultValue @Valid PollRetry pollRetry,
        @DefaultValue @Valid DeadlineSources deadlines) {

    /**
     * @param topic the dead-letter topic; records keep their key, value and headers, with x-dead-letter-* and
     *     kafka_dlt-* headers added
     * @param partitions partitions of the topic when the service creates it
     * @param replicationFactor replicas of the topic when the service creates it (3 in production)
     * @param retention how long dead letters are kept for an operator to look at (30 days, docs/events.md)
     * @param createTopic whether the service creates the topic at start when it is missing (off where topics
     *     are provisioned by the platform)
     */
    public record DeadLetters(
            @DefaultValue("complaints.received.v1.dlt") @NotBlank String topic,
            @DefaultValue("1") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
            @DefaultValue("30d") @NotNull Duration retention,
            @DefaultValue("true") boolean createTopic) {
    }

    /**
     * Back-off between attempts at a rolled-back poll: {@code initialInterval}, multiplied by {@code multiplier}
     * after each failure up to {@code maxInterval}, then {@code maxInterval} until the poll commits. It runs on
     * the consumer thread between polls, so keep {@code maxInterval} well below {@code max.poll.interval.ms}.
     *
     * @param initialInterval the wait after the first rollback
     * @param multiplier the growth of the wait after each further rollback
     * @param maxInterval the longest wait
     */
    public record PollRetry(
            @DefaultValue("500ms") @NotNull Duration initialInterval,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("10s") @NotNull Duration maxInterval) {
    }

    /**
     * Read at start only: a change takes effect on restart, for complaints routed after it.
     *
     * @param calendarLocation the folder holding one {@code <year>.yml} per year, ending with a slash: the bundled
     *     {@code classpath:calendar/kz/} or an NGO's {@code file:/etc/hotline/calendar/}
     * @param clocksLocation the clocks file: the bundled {@code classpath:clocks/kz/clocks.yml} or an NGO's own
     * @param zone the time zone in which the day of receipt is taken
     */
    public record DeadlineSources(
            @DefaultValue("classpath:calendar/kz/") @NotBlank @Pattern(regexp = ".*/", message = "must end with /")
            String calendarLocation,
            @DefaultValue("classpath:clocks/kz/clocks.yml") @NotBlank String clocksLocation,
            @DefaultValue("Asia/Almaty") @NotNull ZoneId zone) {
    }
}
