package org.hotline.intake.http;

import java.util.List;
import org.hotline.web.http.PageLocaleResolver;
import org.hotline.web.http.ProblemErrorController;
import org.hotline.web.http.SecurityHeadersFilter;
import org.hotline.web.http.TomcatErrorReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security headers on every answer of the API port ({@code Cache-Control: no-store} above all: the 202 and the
 * form's receipt carry the tracking code, the complainant's secret, and a complainant may be watched by whoever
 * shares her phone: nothing of the form may stay in a cache or in the history's saved pages), and Tomcat's own
 * rejections as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /**
     * The complaint form and its receipt: a style sheet and a script of this origin only, nothing inline, nothing
     * from another site (a third party's asset would tell it who opened the hotline's form), the form posted only
     * here, and no other site may frame the page (which could read what a person types, or trick her into sending).
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The pages ({@code /}, which sends to the form, and {@code /complaint}) get {@link #PAGE_POLICY}; Swagger UI
     * none, as it needs inline scripts; everything else, data and the pages' own files, the API's policy.
     */
    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter(path -> path.equals("/") || path.equals("/complaint") ? PAGE_POLICY
                : path.startsWith("/swagger-ui") ? null : SecurityHeadersFilter.API_POLICY);
    }

    /** The form's language. Named {@code localeResolver}, so it replaces Boot's: the dispatcher looks it up by name. */
    @Bean
    PageLocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }

    /** An Idempotency-Key is a header: one too long for Tomcat is refused here, not by the API's own check. */
    @Bean
    TomcatErrorReports tomcatErrorReports(JsonMapper json,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        return new TomcatErrorReports(json, maxHeaderSize, List.of("an Idempotency-Key at most 255 characters"));
    }

    /** Errors no controller advice answered (a firewall's refusal, an unhandled 415) as problems too. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
