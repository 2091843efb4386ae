package org.hotline.cases.casefile.web;

import static org.hotline.web.http.Problems.noStore;
import static org.hotline.web.http.Problems.noStoreRetryAfter;
import static org.hotline.web.http.Problems.problem;

import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the status API as an RFC 9457 problem detail, never cached. Problem types are URNs documented in
 * docs/case.md. Nothing here echoes a submitted value: a tracking code is a secret.
 */
@RestControllerAdvice(assignableTypes = StatusController.class)
class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(StatusController.CaseNotFoundException e) {
        return noStore(problem(HttpStatus.NOT_FOUND, "case-not-found",
                "No case with this reference and tracking code",
                "Check both values as the receipt gave them. The same answer is given for an unknown reference "
                        + "and for a wrong tracking code."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(StatusController.InvalidStatusRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-status-request",
                "The status request is not valid", e.getMessage() + "; see errors.");
        problem.setProperty("errors", e.errors);
        return noStore(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(CaseFilesUnavailableException e) {
        return noStoreRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "service-starting",
                "The case files are loading", "The service is loading the case files from Kafka. Retry in a few "
                        + "seconds."), 5);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                "Send {\"reference\": \"...\", \"trackingCode\": \"...\"} as application/json.");
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(problem);
    }
}
