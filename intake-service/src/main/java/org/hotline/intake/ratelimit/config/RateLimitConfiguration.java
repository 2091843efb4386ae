package org.hotline.intake.ratelimit.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.intake.ratelimit.web.RateLimitFilter;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.RateLimiter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limit filter on the complaint endpoint only, right after the security headers and the partner key
 * filter (which says whose limit applies) and before Spring Security, so that a refused request costs as little as possible and still carries the headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "hotline.intake.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, JsonMapper json,
            MeterRegistry registry) {
        RateLimiter limiter = new RateLimiter(properties.perClient().rate(), properties.global().rate(),
                properties.maxClients(), System::nanoTime);
        RateLimitFilter filter = new RateLimitFilter(limiter, new ClientIdentifier(properties.trustedProxies()),
                json, registry);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/complaints");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
