package org.hotline.web.http;

import jakarta.servlet.DispatcherType;
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
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // Asked for directly: there is no error to tell of.
            return Problems.noStore(Problems.forStatus(HttpStatus.NOT_FOUND));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return Problems.noStore(Problems.forStatus(status == null || !status.isError()
                ? HttpStatus.INTERNAL_SERVER_ERROR : status));
    }
}
