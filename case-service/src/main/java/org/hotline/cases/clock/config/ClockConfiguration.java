package org.hotline.cases.clock.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.hotline.cases.clock.domain.SimulatedClock;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The clock that says which day it is, for "overdue", reminders and escalations: the system clock, or in the dev
 * profile the {@link SimulatedClock} when {@code hotline.cases.dev-clock.offset} is set. Tests register their own.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final String DEV_PROFILE = "dev";

    @Bean
    @ConditionalOnMissingBean
    Clock clock(DevClockProperties properties, Environment environment) {
        if (properties.offset() == null) {
            return Clock.systemUTC();
        }
        if (!Arrays.asList(environment.getActiveProfiles()).contains(DEV_PROFILE)) {
            throw new IllegalStateException("hotline.cases.dev-clock.offset is set outside the dev profile: a "
                    + "simulated clock would remind and escalate real bodies before their deadlines. Remove it.");
        }
        return new SimulatedClock(Clock.systemUTC(), properties.offset());
    }

    /** {@code GET /actuator/devclock} shows it, {@code POST} with {@code {"by": "3d"}} moves it forward. */
    @Bean
    @ConditionalOnProperty("hotline.cases.dev-clock.offset")
    DevClockEndpoint devClockEndpoint(Clock clock) {
        if (!(clock instanceof SimulatedClock simulated)) {
            throw new IllegalStateException("the dev clock endpoint needs the simulated clock");
        }
        return new DevClockEndpoint(simulated);
    }

    /** On the management port, exposed by the dev profile only. */
    @Endpoint(id = "devclock")
    static final class DevClockEndpoint {

        private final SimulatedClock clock;

        DevClockEndpoint(SimulatedClock clock) {
            this.clock = clock;
        }

        @ReadOperation
        Map<String, String> now() {
            return Map.of("now", clock.instant().toString(), "offset", clock.offset().toString());
        }

        /** @param by how far, as {@code 3d}, {@code 12h} or {@code P3D} */
        @WriteOperation
        Map<String, String> advance(String by) {
            clock.advance(DurationStyle.detectAndParse(by));
            return now();
        }
    }
}
