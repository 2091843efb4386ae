package org.hotline.web.http;

import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

    /**
     * The hotline's problem for an error of the request itself (a path no endpoint has, a method or Content-Type an
     * endpoint does not take, a request the firewall refused) or of the service, in place of Spring's standard
     * ones, whose detail says the path or the header back. Its {@code instance} is the service's root, so that
     * Spring does not fill in the path either.
     */
    public static ProblemDetail forStatus(HttpStatusCode status) {
        ProblemDetail problem = switch (HttpStatus.resolve(status.value()) == null ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(status.value())) {
            case BAD_REQUEST -> problem(status, "request-rejected", "The request was refused before it was read",
                    "The request's path, query or headers are not accepted here. Nothing was stored.");
            case NOT_FOUND -> problem(status, "not-found", "Nothing is served here",
                    "No endpoint of this service has this path. Nothing was stored.");
            case METHOD_NOT_ALLOWED -> problem(status, "method-not-allowed", "Method not allowed",
                    "This path does not take this method. Nothing was stored.");
            case UNSUPPORTED_MEDIA_TYPE -> problem(status, "unsupported-media-type", "Unsupported media type",
                    "This endpoint does not take a body of this Content-Type; its documentation says which it "
                            + "takes. Nothing was stored.");
            default -> status.is5xxServerError()
                    ? problem(status, "internal-error", "Something went wrong",
                            "The service could not answer. Try again later.")
                    : problem(status, "request-refused", "The request was refused",
                            "The request was refused. Nothing was stored.");
        };
        problem.setInstance(URI.create("/"));
        return problem;
    }
}
