package org.hotline.cases.http;

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
 * The security headers on every answer of the API port, and Tomcat's own rejections as problem JSON rather than
 * its HTML page. {@code Cache-Control: no-store} matters most here: a status answer is one person's case, and an
 * acknowledgement page is reached through a link whose token is its only credential; neither is for a cache to
 * keep. {@code Referrer-Policy: no-referrer} keeps that token out of any page opened from one; the pages with a form
 * answer {@code same-origin} instead (their controllers), which sends nothing to another site either, because under
 * {@code no-referrer} a browser posts a form with {@code Origin: null}, which the cross-origin check refuses.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /**
     * The acknowledgement pages and the status page are pages with a form but no script and no inline style: they
     * may load style sheets of this origin only and post their form only to this origin, and no other site may
     * frame them (which would let it trick a body into confirming).
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    /**
     * The API's answers are data ({@link SecurityHeadersFilter#API_POLICY}); the acknowledgement pages under /ack/,
     * the status page, /status, and the caseworker console, /console, are pages; Swagger UI ({@code /swagger-ui*})
     * gets none, as in the intake and routing: it needs inline scripts, and shows only the API's description, no
     * one's data.
     */
    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter(
                path -> path.startsWith("/ack/") || path.equals("/status") || path.equals("/console")
                        || path.startsWith("/console/") ? PAGE_POLICY
                        : path.startsWith("/swagger-ui") ? null : SecurityHeadersFilter.API_POLICY);
    }

    /**
     * The pages' language (acknowledgement and status pages). Named {@code localeResolver}, so it replaces Boot's:
     * the dispatcher looks it up by that name.
     */
    @Bean
    PageLocaleResolver localeResolver() {
        return new PageLocaleResolver();
    }

    @Bean
    TomcatErrorReports tomcatErrorReports(JsonMapper json,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        return new TomcatErrorReports(json, maxHeaderSize, List.of());
    }

    /** Errors no controller advice answered (a firewall's refusal, an unhandled 415) as problems too. */
    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
