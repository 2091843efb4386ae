package org.hotline.intake.complaint.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hotline.web.ratelimit.Rate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The priority lane ({@code hotline.intake.lanes.*}, docs/security.md, "Priority lane"): a source's first complaints
 * in a while travel in the priority lane; what it sends beyond that travels in the bulk lane, on partitions of
 * their own, so that a flood from one source queues behind itself and not in front of everyone else.
 *
 * @param enabled false puts every complaint in the priority lane: the tests and the benchmarks, whose load comes
 *     from one address, and any deployment whose topics have a single partition (where the lanes are off anyway)
 * @param bulkPartitions how many partitions of each topic, counted from the last, carry the bulk lane; the others
 *     carry the priority lane. At least one of each is kept, whatever the topics' partition count
 * @param priorityAllowance what one source (a client address, as the rate limit identifies it, or a partner
 *     account) may send in the priority lane
 * @param maxClients the most sources remembered at once (about 150 bytes each); the least recently seen is
 *     forgotten first, which gives it a fresh allowance
 */
@Validated
@ConfigurationProperties("hotline.intake.lanes")
public record LaneProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1") @Min(1) @Max(1000) int bulkPartitions,
        @DefaultValue @Valid PriorityAllowance priorityAllowance,
        @DefaultValue("100000") @Min(1) @Max(10_000_000) int maxClients) {

    /**
     * @param complaints complaints one source may send in the priority lane per {@code period}, sustained, and at
     *     once after a quiet spell: a person writes one, perhaps a second to add something
     * @param period the period of {@code complaints}
     */
    public record PriorityAllowance(
            @DefaultValue("2") @Min(1) int complaints,
            @DefaultValue("10m") @NotNull Duration period) {

        public Rate rate() {
            return new Rate(complaints, period, complaints);
        }
    }
}
