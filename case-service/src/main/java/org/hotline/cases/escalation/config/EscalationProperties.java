package org.hotline.cases.escalation.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The escalation ladder and how often silence is looked for ({@code hotline.cases.escalation.*}).
 *
 * @param ladderLocation the ladder file, e.g. {@code file:/etc/hotline/ladder.yml} or the bundled
 *     {@code classpath:ladder/kz/ladder.yml}; read at start only, and the service does not start on a file with a
 *     problem
 * @param checkInterval how often each instance starts reading the case files of its partitions for deadlines passed.
 *     Deadlines are whole days, so minutes late costs nothing; each pass reads every file of the partition, so
 *     seconds would cost disk and CPU for nothing
 * @param checkBatch how many files a pass reads at most in one step, one step a second, in the stream thread's
 *     transaction: 2,000 took 0.1 to 0.17 s on the local stack's two busy cores. A pass over a partition of
 *     {@code n} files takes {@code n / checkBatch} seconds
 */
@Validated
@ConfigurationProperties("hotline.cases.escalation")
public record EscalationProperties(
        @DefaultValue("classpath:ladder/kz/ladder.yml") @NotBlank String ladderLocation,
        @DefaultValue("5m") @NotNull Duration checkInterval,
        @DefaultValue("2000") @Positive int checkBatch) {
}
