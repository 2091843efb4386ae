package org.hotline.intake.complaint.config;

import org.hotline.intake.complaint.web.LaneAssigner;
import org.hotline.intake.ratelimit.config.RateLimitProperties;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.RateLimiter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who goes in which lane: each source's priority allowance, counted per client as the rate limit counts, behind the
 * same trusted proxies ({@code hotline.intake.rate-limit.trusted-proxies}), whether or not the rate limit is on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LaneProperties.class, RateLimitProperties.class})
class LaneConfiguration {

    @Bean
    LaneAssigner laneAssigner(LaneProperties lanes, RateLimitProperties rateLimit) {
        if (!lanes.enabled()) {
            return LaneAssigner.PRIORITY_ONLY;
        }
        return LaneAssigner.byAllowance(
                RateLimiter.perClientOnly(lanes.priorityAllowance().rate(), lanes.maxClients(), System::nanoTime),
                new ClientIdentifier(rateLimit.trustedProxies()));
    }
}
