package org.hotline.cases.ratelimit.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.hotline.cases.ratelimit.web.RateLimitFilter;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.RateLimiter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limit filters of the two public POSTs, each with buckets of its own, right after the security headers
 * and before Spring Security, so that a refused request costs as little as possible and still carries the headers.
 * Adapted from intake-service's {@code ratelimit} package until both move to a shared module.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({StatusRateLimitProperties.class, AcknowledgementRateLimitProperties.class})
class RateLimitConfiguration {

    /** One key per process for both limits: an address is the same client on both endpoints. */
    @Bean
    ClientIdentifier rateLimitClientIdentifier(StatusRateLimitProperties properties) {
        return new ClientIdentifier(properties.trustedProxies());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "hotline.cases.status.rate-limit.enabled", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> statusRateLimitFilter(StatusRateLimitProperties properties,
            ClientIdentifier clients, JsonMapper json, MeterRegistry registry) {
        RateLimiter limiter = new RateLimiter(properties.perClient().rate(), properties.global().rate(),
                properties.maxClients(), System::nanoTime);
        // The status page's form posts count against the same buckets: guessing there is guessing all the same.
        return registration(new RateLimitFilter(RateLimitFilter.Endpoint.STATUS, limiter, clients, json, registry),
                "statusRateLimitFilter", "/api/v1/complaints/status", "/status");
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "hotline.cases.acknowledgement.rate-limit.enabled", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> acknowledgementRateLimitFilter(
            AcknowledgementRateLimitProperties properties, ClientIdentifier clients, JsonMapper json,
            MeterRegistry registry) {
        RateLimiter limiter = new RateLimiter(properties.perClient().rate(), properties.global().rate(),
                properties.maxClients(), System::nanoTime);
        return registration(
                new RateLimitFilter(RateLimitFilter.Endpoint.ACKNOWLEDGEMENT, limiter, clients, json, registry),
                "acknowledgementRateLimitFilter", "/ack/*");
    }

    /** Named: two registrations of one filter class would otherwise share a name, and the second be dropped. */
    private static FilterRegistrationBean<RateLimitFilter> registration(RateLimitFilter filter, String name,
            String... urlPatterns) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
