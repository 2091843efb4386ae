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

    /** The name under which each service's OpenAPI document lists {@link #SCHEMA}. */
    public static final String SCHEMA_NAME = "Problem";
    /** A reference to {@link #SCHEMA} in an OpenAPI document, for each error answer of an operation. */
    public static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA_NAME;

    /**
     * The JSON Schema of every problem the services answer, for their OpenAPI documents: the RFC 9457 members they
     * always fill in, and the ones some problems add ({@code errors} naming each field to fix, {@code line} and
     * {@code column} of malformed JSON). Other members may be added; a client ignores those it does not know.
     */
    public static final String SCHEMA = """
            {
              "type": "object",
              "description": "An RFC 9457 problem detail (application/problem+json). It never repeats a submitted \
            value.",
              "required": ["type", "title", "status", "detail"],
              "properties": {
                "type": {"type": "string", "format": "uri", "pattern": "^urn:hotline:problem:[a-z-]+$",
                  "description": "What went wrong, as a URN; each API's documentation lists its types.",
                  "examples": ["urn:hotline:problem:invalid-complaint"]},
                "title": {"type": "string", "description": "The type in a few words, the same for every problem \
            of the type.", "examples": ["The complaint is not valid"]},
                "status": {"type": "integer", "minimum": 400, "maximum": 599, "examples": [400],
                  "description": "The HTTP status, repeated."},
                "detail": {"type": "string", "description": "What to do about it, in words for the client's \
            developer.", "examples": ["2 field(s) need fixing; see errors."]},
                "instance": {"type": "string", "format": "uri-reference",
                  "description": "This occurrence; / for an error of the request itself."},
                "errors": {"type": "array", "description": "Every field that needs fixing, at once (a directory's \
            problems name their file and line instead).",
                  "items": {"type": "object", "properties": {
                    "field": {"type": "string", "description": "The field's path in the body.",
                      "examples": ["location.region"]},
                    "problem": {"type": "string", "description": "What is wrong with it and what is allowed.",
                      "examples": ["is required"]}}}},
                "line": {"type": "integer", "description": "Malformed JSON: the line of the first problem."},
                "column": {"type": "integer", "description": "Malformed JSON: the column of the first problem."}
              }
            }
            """;

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

    /**
     * As {@link #noStore}, telling the client when to try again (a broker that did not confirm, a service starting).
     */
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
