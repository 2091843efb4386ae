package org.hotline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class CrossOriginWriteFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ProblemResponder PROBLEMS = new ProblemResponder(JSON);

    @Test
    void refusesAWriteFromAnotherSiteWith403() throws Exception {
        MockHttpServletResponse response = run(CrossOriginWriteFilter.forHtmlForms(List.of(), PROBLEMS),
                post("https://evil.example", "application/x-www-form-urlencoded"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(problemType(response)).isEqualTo("urn:hotline:problem:cross-origin-request");
    }

    @Test
    void letsAFormPostFromTheServicesOwnPageThroughWhenFormsAreAllowed() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        CrossOriginWriteFilter.forHtmlForms(List.of(), PROBLEMS)
                .doFilter(post("https://cases.example.org", "application/x-www-form-urlencoded"),
                        new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void letsAWriteFromAConfiguredOriginThroughWhateverItsCaseAndTrailingSlash() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        CrossOriginWriteFilter.forJsonApi(List.of("https://Console.Example.org/"), PROBLEMS)
                .doFilter(post("https://console.example.org", "application/json"), new MockHttpServletResponse(),
                        chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void refusesAFormPostToAJsonApiEvenFromItsOwnOriginWith415() throws Exception {
        MockHttpServletResponse response = run(CrossOriginWriteFilter.forJsonApi(List.of(), PROBLEMS),
                post("https://cases.example.org", "text/plain"));

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(problemType(response)).isEqualTo("urn:hotline:problem:unsupported-media-type");
    }

    @Test
    void letsAJsonWriteWithoutOriginThroughAsFromCurl() throws Exception {
        MockHttpServletRequest request = post(null, "application/json; charset=utf-8");
        MockFilterChain chain = new MockFilterChain();

        CrossOriginWriteFilter.forJsonApi(List.of(), PROBLEMS).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void letsAReadFromAnotherSiteThroughForTheRulesOfTheEndpointToDecide() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ack/token");
        request.addHeader("Origin", "https://evil.example");
        MockFilterChain chain = new MockFilterChain();

        CrossOriginWriteFilter.forJsonApi(List.of(), PROBLEMS).doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest post(String origin, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ack/token");
        request.addHeader("Host", "cases.example.org:443");
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        request.setContentType(contentType);
        return request;
    }

    private static MockHttpServletResponse run(CrossOriginWriteFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("the request must not reach the endpoint").isNull();
        return response;
    }

    private static String problemType(MockHttpServletResponse response) {
        return JSON.readTree(response.getContentAsByteArray()).get("type").stringValue();
    }
}
