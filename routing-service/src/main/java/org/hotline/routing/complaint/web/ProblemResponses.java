package org.hotline.routing.complaint.web;

import static org.hotline.web.http.Problems.problem;

import java.util.List;
import java.util.Map;
import org.hotline.web.json.JsonRequestSchema;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the preview endpoint as RFC 9457 problem details, with the intake's problem types
 * ({@code urn:hotline:problem:*}). Nothing here echoes a submitted value.
 */
@RestControllerAdvice(assignableTypes = PreviewController.class)
class ProblemResponses extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidComplaint(InvalidPreviewException e) {
        List<Map<String, String>> errors = e.violations().stream()
                .map(violation -> Map.of("field", violation.field(), "problem", violation.problem()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-complaint", "The complaint is not valid",
                errors.size() + " field(s) need fixing; see errors.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformedJson(JsonRequestSchema.MalformedJsonException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                "Parsing stopped at line " + e.line() + ", column " + e.column() + ".");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(PreviewController.PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", "The body is too large", e.getMessage()));
    }
}
