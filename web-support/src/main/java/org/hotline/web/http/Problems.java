package org.hotline.web.http;

import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The services' RFC 9457 problem details: a type {@code urn:hotline:problem:<type>} documented with each API, a
 * title, and a detail that never repeats a submitted value.
 */
public final class Problems {

    /** Every problem type of the hotline starts with this; each API's documentation lists its own. */
    public static final String TYPE_PREFIX = "urn:hotline:problem:";

    private Problems() {
    }

    /** A problem of type {@code urn:hotline:problem:}{@code type}; add properties (such as {@code errors}) to it. */
    public static ProblemDetail problem(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    /** The answer with the problem, never cached: an error about a secret (a code, a token) must not be kept. */
    public static ResponseEntity<ProblemDetail> noStore(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).cacheControl(CacheControl.noStore()).body(problem);
    }

    /** As {@link #noStore}, telling the client when to try again (a broker that did not confirm, a service starting). */
    public static ResponseEntity<ProblemDetail> noStoreRetryAfter(ProblemDetail problem, long seconds) {
        return ResponseEntity.status(problem.getStatus()).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(problem);
    }
}
