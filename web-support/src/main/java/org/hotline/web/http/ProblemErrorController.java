package org.hotline.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The answer to an error that no controller advice turned into a problem (a request Spring Security's firewall
 * refused, a 415 of a controller without its own handler, an exception of a filter), in place of Spring Boot's
 * own JSON ({@code timestamp, status, error, path}): an RFC 9457 problem detail like every other answer of the
 * API. It repeats nothing of the request, the path included, and says nothing of the exception: a firewall's
 * reason quotes the request, an exception's message may quote anything.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public final class ProblemErrorController implements ErrorController {

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (!status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return Problems.noStore(problem(status));
    }

    static ProblemDetail problem(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Problems.problem(status, "request-rejected", "The request was refused before it "
                    + "was read", "The request's path, query or headers are not accepted here. Nothing was stored.");
            case NOT_FOUND -> Problems.problem(status, "not-found", "Nothing is served here",
                    "No endpoint of this service has this path. Nothing was stored.");
            case METHOD_NOT_ALLOWED -> Problems.problem(status, "method-not-allowed", "Method not allowed",
                    "This path does not take this method. Nothing was stored.");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.problem(status, "unsupported-media-type",
                    "Unsupported media type", "This endpoint does not take a body of this Content-Type; its "
                            + "documentation says which it takes. Nothing was stored.");
            default -> status.is5xxServerError()
                    ? Problems.problem(status, "internal-error", "Something went wrong",
                            "The service could not answer. Try again later.")
                    : Problems.problem(status, "request-refused", status.getReasonPhrase(),
                            "The request was refused. Nothing was stored.");
        };
    }
}
