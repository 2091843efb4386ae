package org.hotline.cases.console.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The caseworker console ({@code hotline.cases.console}).
 *
 * @param shownPerLane how many cases each lane of the queue lists, oldest first; the count covers them all
 * @param searchTimeout how long opening a complainant may search the complaint's record before the console says to
 *     try again
 */
@Validated
@ConfigurationProperties("hotline.cases.console")
public record ConsoleProperties(@DefaultValue("100") @Min(1) @Max(10_000) int shownPerLane,
        @DefaultValue("10s") @NotNull Duration searchTimeout) {
}
