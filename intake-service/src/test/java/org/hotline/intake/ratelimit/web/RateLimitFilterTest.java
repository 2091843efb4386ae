package org.hotline.intake.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.hotline.web.ratelimit.ClientIdentifier;
import org.hotline.web.ratelimit.Rate;
import org.hotline.web.ratelimit.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

    private static final Rate ONE_AN_HOUR = new Rate(1, Duration.ofHours(1), 1);

    private final RateLimiter limiter = new RateLimiter(ONE_AN_HOUR, new Rate(100, Duration.ofSeconds(1), 100),
            1000, System::nanoTime);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final JsonMapper json = JsonMapper.builder().build();
    /** One for both filters, as RateLimitConfiguration wires them: each identifier hashes under its own key. */
    private final ClientIdentifier clients = new ClientIdentifier(List.of());

    @Test
    void passesARefusedFormPostOnToThePageWithTheSecondsToWaitAndCountsItLikeTheApisRefusals() throws Exception {
        // given the form's filter and the API's, sharing one limiter, and the client's one request spent on the API
        RateLimitFilter api = new RateLimitFilter(limiter, clients, json, registry);
        RateLimitFilter pages = RateLimitFilter.forPages(limiter, clients, json, registry);
        api.doFilter(post("/api/v1/complaints"), new MockHttpServletResponse(), new MockFilterChain());

        // when the same client posts the form
        MockHttpServletRequest form = post("/complaint");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        pages.doFilter(form, response, chain);

        // then the page gets the request, marked refused with the wait, and nothing is written here
        assertThat(chain.getRequest()).isSameAs(form);
        assertThat(form.getAttribute(RateLimitFilter.REFUSAL)).isInstanceOf(Long.class)
                .satisfies(seconds -> assertThat((Long) seconds).isBetween(3500L, 3600L));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(registry.get("hotline.intake.requests.throttled").tag("limit", "client").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void leavesAFormPostWithinTheLimitUnmarked() throws Exception {
        // given the form's filter and a client with its allowance
        RateLimitFilter pages = RateLimitFilter.forPages(limiter, clients, json, registry);
        MockHttpServletRequest form = post("/complaint");
        MockFilterChain chain = new MockFilterChain();

        // when it posts the form
        pages.doFilter(form, new MockHttpServletResponse(), chain);

        // then the page gets it unmarked
        assertThat(chain.getRequest()).isSameAs(form);
        assertThat(form.getAttribute(RateLimitFilter.REFUSAL)).isNull();
    }

    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr("203.0.113.7");
        return request;
    }
}
