package org.hotline.notification.http;

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
 * Notification serves nothing on its API port (it works from Kafka), but the port is open, so it answers like the
 * other services' ports: the security headers on every answer, and Tomcat's own rejections as problem JSON rather
 * than its HTML page, which names the server's version.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter(path -> SecurityHeadersFilter.API_POLICY);
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
