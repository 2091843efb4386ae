package org.hotline.cases.acknowledgement.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class AcknowledgementWebConfiguration {

    /** Named {@code localeResolver}, so it replaces Boot's: the dispatcher looks it up by that name. */
    @Bean
    LocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }
}
