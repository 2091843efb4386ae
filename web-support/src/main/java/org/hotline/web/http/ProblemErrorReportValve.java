package org.hotline.web.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before the application sees it (headers above
 * {@code server.max-http-request-header-size}, a request line it cannot parse, a malformed percent-encoding), as
 * an RFC 9457 problem detail of type {@code urn:hotline:problem:request-rejected} with the API's security headers,
 * instead of Tomcat's HTML page. Such a request reaches no servlet filter, so the headers are set here. Nothing of
 * the request is repeated: an oversized header may hold anything.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;
    private final String limits;

    /** @param limits the limits a request may have broken, as the detail states them */
    ProblemErrorReportValve(JsonMapper json, String limits) {
        this.json = json;
        this.limits = limits;
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: nothing for a success, for an answer already begun, or for an error reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:hotline:problem:request-rejected");
        problem.put("title", "The request was refused before it was read");
        problem.put("status", status);
        problem.put("detail", (known == null ? "HTTP " + status : known.value() + " " + known.getReasonPhrase())
                + ": the request line or the headers are malformed or too large (" + limits
                + "). Nothing was stored.");
        try {
            response.resetBuffer();
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", SecurityHeadersFilter.API_POLICY);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer cannot be written: there is nobody to tell.
        }
    }
}
