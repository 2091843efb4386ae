package org.hotline.intake.complaint.web;

import static org.hotline.web.http.Problems.problem;

import java.util.List;
import java.util.Map;
import org.hotline.intake.complaint.application.IdempotencyConflictException;
import org.hotline.intake.complaint.application.IntakeMetrics;
import org.hotline.intake.complaint.application.LedgerNotReadyException;
import org.hotline.intake.complaint.application.PublicationFailedException;
import org.hotline.intake.complaint.config.IntakeProperties;
import org.hotline.intake.complaint.domain.IdentityInAnonymousComplaintException;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.hotline.web.http.Problems;
import org.hotline.web.json.JsonRequestSchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem detail. Problem types are URNs documented in docs/api.md.
 * Nothing here echoes a submitted value: a bad value may be someone's phone number.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final IntakeMetrics metrics;
    private final long retryAfterSeconds;

    ProblemResponses(IntakeMetrics metrics, IntakeProperties properties) {
        this.metrics = metrics;
        this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidComplaint(InvalidComplaintException e) {
        List<Map<String, String>> errors = e.violations().stream()
                .map(violation -> Map.of("field", violation.field(), "problem", violation.problem()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-complaint", "The complaint is not valid",
                errors.size() + " field(s) need fixing; see errors.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> identityInAnonymousComplaint(IdentityInAnonymousComplaintException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "identity-in-anonymous-complaint",
                "An anonymous complaint must not name its complainant",
                "complainant.mode is ANONYMOUS: nobody, the hotline included, is to learn who complained, and "
                        + "nobody is mailed. Leave out complainant.name, complainant.email and complainant.phone, "
                        + "or choose CONFIDENTIAL (only the NGO may contact the complainant) or OPEN (the bodies "
                        + "receive the details). Nothing was stored.");
        problem.setProperty("errors", e.violations().stream()
                .map(violation -> Map.of("field", violation.field(), "problem", violation.problem()))
                .toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> brokenText(ComplaintRequestReader.BrokenTextException e) {
        metrics.rejected("invalid_text");
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-text",
                "A text field is not valid Unicode", e.getMessage() + "; see errors. Nothing was stored.");
        problem.setProperty("errors", e.violations.stream()
                .map(violation -> Map.of("field", violation.field(), "problem", violation.problem()))
                .toList());
        return ResponseEntity.unprocessableContent().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformedJson(JsonRequestSchema.MalformedJsonException e) {
        metrics.rejected("malformed_json");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                "Parsing stopped at line " + e.line() + ", column " + e.column() + ".");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidIdempotencyKey(ComplaintController.InvalidIdempotencyKeyException e) {
        metrics.rejected("invalid_idempotency_key");
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                "The Idempotency-Key header is not valid", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "Idempotency-Key", "problem", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(ComplaintController.PayloadTooLargeException e) {
        metrics.rejected("payload_too_large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", "The body is too large", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException e) {
        return ResponseEntity.unprocessableContent().body(problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused", "The Idempotency-Key belongs to another complaint",
                "This key was already used with a different body. Use a new key for a new complaint."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> ledgerNotReady(LedgerNotReadyException e) {
        return unavailable("service-starting", "The service is starting", "Requests with an Idempotency-Key are accepted once the "
                + "service has loaded the keys it already saw. Nothing was published.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> publicationFailed(PublicationFailedException e) {
        log.warn("Answering 503: {} ({})", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
        return unavailable("broker-unavailable", "The complaint could not be stored right now", "The message broker did not "
                + "acknowledge the complaint in time, so it was not published. Retry with the same Idempotency-Key.");
    }

    /**
     * Spring's standard problems (a path no endpoint has, a method or Content-Type the endpoint does not take) say
     * the path or the header back, and Spring would fill in the path as their instance: each is answered with the
     * hotline's problem of its status instead, the same as the other services give (docs/api.md).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            return super.createResponseEntity(Problems.forStatus(statusCode), headers, statusCode, request);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        metrics.rejected("unsupported_media_type");
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    private ResponseEntity<ProblemDetail> unavailable(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail));
    }
}
