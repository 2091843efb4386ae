package org.hotline.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.web.http.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals as RFC 9457 problem details with the services' problem types ({@code urn:hotline:problem:*}): 401
 * with a Basic challenge when no valid credential came, 403 when the caller lacks the role. Neither says whether
 * the user name exists.
 */
public final class ProblemResponder implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The Basic realm of every service, so that one browser credential serves all of them. */
    public static final String REALM = "hotline";

    private final JsonMapper json;

    public ProblemResponder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(response, HttpStatus.UNAUTHORIZED, "authentication-required", "Authentication is required",
                "This endpoint needs the credential of an account with the right role (HTTP Basic).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "access-denied", "The account may not do this",
                "The account has no role that allows this endpoint.");
    }

    /**
     * Writes a problem of type {@code urn:hotline:problem:}{@code type}, for the refusals a service makes outside
     * the two above.
     */
    public void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.TYPE_PREFIX + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
