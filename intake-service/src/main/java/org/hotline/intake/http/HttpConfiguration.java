package org.hotline.intake.http;

import java.util.List;
import org.hotline.web.http.ProblemErrorController;
import org.hotline.web.http.SecurityHeadersFilter;
import org.hotline.web.http.TomcatErrorReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security headers on every answer of the API port ({@code Cache-Control: no-store} above all: the 202 carries
 * the tracking code, the complainant's secret), and Tomcat's own rejections as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    /** The API's policy everywhere but Swagger UI, the one page the port serves, which needs its scripts. */
    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return SecurityHeadersFilter.apiPolicyExceptSwaggerUi();
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
