package org.hotline.cases.erasure.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Erasure of complaints ({@code hotline.cases.erasure.*}, docs/security.md "Per-complaint keys and erasure").
 *
 * @param retention how long a case closed for each reason keeps its personal data after the closure was recorded,
 *     before its keys are erased, such as {@code hotline.cases.erasure.retention.WITHDRAWN=30d}; a reason not
 *     listed is never erased by retention (the default: none), and an open case never is
 * @param checkEvery how often the retention is checked
 * @param sendTimeout how long an erasure waits for the broker's confirmation
 */
@Validated
@ConfigurationProperties("hotline.cases.erasure")
public record ErasureProperties(
        @DefaultValue Map<ClosureReason, @NotNull Duration> retention,
        @DefaultValue("1h") @NotNull Duration checkEvery,
        @DefaultValue("10s") @NotNull Duration sendTimeout) {
}
