package org.hotline.cases.clock.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulated clock of the dev profile ({@code hotline.cases.dev-clock.*}); outside the dev profile the service
 * refuses to start with it set, because a simulated clock would remind and escalate real bodies early.
 *
 * @param offset added to the system clock at start (e.g. {@code 20d}); the management endpoint {@code devclock}
 *     moves it further. Unset: the system clock.
 */
@ConfigurationProperties("hotline.cases.dev-clock")
public record DevClockProperties(@Nullable Duration offset) {
}
