package org.hotline.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecurityHeadersFilterTest {

    @Test
    void forbidsCachingSniffingReferrersAndActiveContentOnAnApiAnswer() throws Exception {
        MockHttpServletResponse response = filter(SecurityHeadersFilter.apiPolicyExceptSwaggerUi(), "/api/v1/x");

        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void leavesSwaggerUiWithoutAContentSecurityPolicyButWithTheOtherHeaders() throws Exception {
        MockHttpServletResponse response = filter(SecurityHeadersFilter.apiPolicyExceptSwaggerUi(),
                "/swagger-ui/index.html");

        assertThat(response.getHeader("Content-Security-Policy")).isNull();
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void givesEachPathThePolicyTheServiceChose() throws Exception {
        SecurityHeadersFilter filter = new SecurityHeadersFilter(
                path -> path.startsWith("/ack/") ? "default-src 'none'; style-src 'self'" : "default-src 'none'");

        assertThat(filter(filter, "/ack/abc").getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; style-src 'self'");
        assertThat(filter(filter, "/api/v1/complaints/status").getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'none'");
    }

    private static MockHttpServletResponse filter(SecurityHeadersFilter filter, String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", path), response, chain);
        assertThat(chain.getRequest()).isNotNull();
        return response;
    }
}
