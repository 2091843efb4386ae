package org.hotline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ProblemResponder problems = new ProblemResponder(JSON);

    @Test
    void answersAMissingCredentialWith401ABasicChallengeAndAProblem() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.commence(new MockHttpServletRequest(), response, new BadCredentialsException("unknown user dana"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"hotline\", charset=\"UTF-8\"");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:authentication-required");
        assertThat(problem.get("status").intValue()).isEqualTo(401);
        assertThat(response.getContentAsString()).doesNotContain("dana");
    }

    @Test
    void answersAMissingRoleWith403AndNoChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.handle(new MockHttpServletRequest(), response, new AccessDeniedException("no"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:access-denied");
        assertThat(problem.get("status").intValue()).isEqualTo(403);
    }
}
