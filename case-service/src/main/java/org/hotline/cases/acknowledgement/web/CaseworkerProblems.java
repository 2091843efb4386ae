package org.hotline.cases.acknowledgement.web;

import static org.hotline.web.http.Problems.noStore;
import static org.hotline.web.http.Problems.noStoreRetryAfter;
import static org.hotline.web.http.Problems.problem;

import org.hotline.cases.acknowledgement.application.AcknowledgementNotStoredException;
import org.hotline.cases.acknowledgement.application.AlreadyRecordedException;
import org.hotline.cases.acknowledgement.application.InvalidInputException;
import org.hotline.cases.acknowledgement.application.NothingToEscalateException;
import org.hotline.cases.acknowledgement.application.NothingToHoldException;
import org.hotline.cases.acknowledgement.application.UnknownAssignmentException;
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
 * Every error of the caseworker endpoint as an RFC 9457 problem detail, never cached, with the problem types of
 * docs/case.md. A field that needs fixing is named in {@code errors}; its value is not repeated.
 */
@RestControllerAdvice(assignableTypes = CaseworkerController.class)
class CaseworkerProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownAssignmentException e) {
        return e.caseKnown()
                ? respond(HttpStatus.NOT_FOUND, "assignment-not-found", "The case was not sent to this body",
                        "No assignment of the case has this authorityId; the status lists the case's bodies.")
                : respond(HttpStatus.NOT_FOUND, "case-not-found", "No case with this reference",
                        "Check the reference as the case's letters give it: HL- and three groups of four letters "
                                + "or digits.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-record", "The record is not valid",
                e.getMessage() + "; see errors.");
        problem.setProperty("errors", e.problems());
        return noStore(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> already(AlreadyRecordedException e) {
        return respond(HttpStatus.CONFLICT, "already-recorded", "Already recorded",
                "The first acknowledgement and the first answer of a body stand, as does the first closure of a "
                        + "case: " + e.getMessage() + ".");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nothingToHold(NothingToHoldException e) {
        return respond(HttpStatus.CONFLICT, "nothing-to-hold", "Nothing to hold",
                "Only the escalation of a body that may still be escalated can be held: " + e.getMessage() + ".");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nothingToEscalate(NothingToEscalateException e) {
        return respond(HttpStatus.CONFLICT, "nothing-to-escalate", "Nothing to escalate",
                "Only a told body that may still be escalated past, with a ladder above it, can be: " + e.getMessage()
                        + ".");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notStored(AcknowledgementNotStoredException e) {
        return noStoreRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "not-stored", "Not recorded",
                "The broker did not confirm the event; nothing was recorded. Retry in a few seconds."), 5);
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
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(problem(HttpStatus.BAD_REQUEST,
                "malformed-json", "The body is not valid JSON", "Send a JSON object as application/json; "
                        + "see docs/case.md for its fields."));
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String type, String title,
            String detail) {
        return noStore(problem(status, type, title, detail));
    }
}
