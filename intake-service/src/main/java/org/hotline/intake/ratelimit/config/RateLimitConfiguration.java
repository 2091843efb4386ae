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
 * The rate limit filter on the complaint endpoint and the complaint form's post (one limiter: the same allowance
 * whichever way a person sends), right after the security headers and the partner key filter (which says whose
 * limit applies) and before Spring Security, so that a refused request costs as little as possible and still
 * carries the headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "hotline.intake.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    /** The complaint form's post, {@code POST /complaint}. */
    static final String PAGE = "/complaint";

    @Bean
    RateLimiter complaintRateLimiter(RateLimitProperties properties) {
        return new RateLimiter(properties.perClient().rate(), properties.global().rate(), properties.maxClients(),
                System::nanoTime);
    }

    /**
     * One for both filters: each identifier hashes addresses under a key of its own, so two would give the same
     * address two buckets, one for the API and one for the form.
     */
    @Bean
    ClientIdentifier complaintClients(RateLimitProperties properties) {
        return new ClientIdentifier(properties.trustedProxies());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter complaintRateLimiter,
            ClientIdentifier complaintClients, JsonMapper json, MeterRegistry registry) {
        RateLimitFilter filter = new RateLimitFilter(complaintRateLimiter, complaintClients, json, registry);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/complaints");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> pageRateLimitFilter(RateLimiter complaintRateLimiter,
            ClientIdentifier complaintClients, JsonMapper json, MeterRegistry registry) {
        RateLimitFilter filter = RateLimitFilter.forPages(complaintRateLimiter, complaintClients, json, registry);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PAGE);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
