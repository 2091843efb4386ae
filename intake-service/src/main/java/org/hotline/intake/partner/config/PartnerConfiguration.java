package org.hotline.intake.partner.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Objects;
import org.hotline.intake.partner.web.Partner;
import org.hotline.intake.partner.web.PartnerKeyFilter;
import org.hotline.intake.partner.web.PartnerKeys;
import org.hotline.web.ratelimit.Rate;
import org.hotline.web.security.ProblemResponder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The partner filter on the complaint endpoint, right after the security headers and before the rate limit,
 * which counts a partner's requests against the partner's own limit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PartnerProperties.class)
class PartnerConfiguration {

    /** After the security headers ({@code HIGHEST_PRECEDENCE}), before the rate limit. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    PartnerKeys partnerKeys(PartnerProperties properties) {
        return new PartnerKeys(properties.accounts().stream().map(account -> new PartnerKeys.Configured(
                new Partner(account.name(), new Rate(account.requests(), account.period(), account.burst())),
                account.keySha256(), account.previousKeySha256s())).toList());
    }

    @Bean
    @ConditionalOnProperty("hotline.intake.partners.withdrawn-keys-file")
    WithdrawnKeysFile withdrawnKeysFile(PartnerProperties properties, PartnerKeys keys, MeterRegistry registry) {
        Path file = Objects.requireNonNull(properties.withdrawnKeysFile());
        return new WithdrawnKeysFile(file, properties.withdrawnKeysRefresh(), keys, registry);
    }

    @Bean
    FilterRegistrationBean<PartnerKeyFilter> partnerKeyFilter(PartnerKeys partners, ProblemResponder problems,
            MeterRegistry meters) {
        FilterRegistrationBean<PartnerKeyFilter> registration =
                new FilterRegistrationBean<>(new PartnerKeyFilter(partners, problems, meters));
        registration.addUrlPatterns("/api/v1/complaints");
        registration.setOrder(ORDER);
        return registration;
    }
}
