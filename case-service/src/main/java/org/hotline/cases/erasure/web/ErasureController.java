package org.hotline.cases.erasure.web;

import static org.hotline.web.http.Problems.noStore;
import static org.hotline.web.http.Problems.noStoreRetryAfter;
import static org.hotline.web.http.Problems.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.erasure.application.ErasureNotStoredException;
import org.hotline.cases.erasure.application.Erasures;
import org.hotline.cases.erasure.application.NothingToEraseException;
import org.hotline.cases.erasure.application.UnknownCaseException;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/cases/{reference}/erasure} (role ADMIN, HTTP Basic, audited; a JSON body, {@code {}}): erases
 * the complaint's personal data by erasing its data keys (docs/security.md, "Per-complaint keys and erasure").
 * Answers 202 once the broker has their tombstones, with the complaint id, the moment and the number of keys; the
 * services' key stores drop them within seconds. It cannot be undone; a complaint with no key left is a 409.
 */
@RestController
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping(path = "/api/v1/cases/{reference}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> erase(@PathVariable String reference) {
        Erasures.Erased erased = erasures.erase(reference);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complaintId", erased.complaintId());
        body.put("erasedAt", erased.at().toString());
        body.put("keysErased", erased.keys());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownCaseException e) {
        return noStore(problem(HttpStatus.NOT_FOUND, "case-not-found", "No case with this reference",
                "Check the reference as the case's letters give it: HL- and three groups of four letters or digits."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nothing(NothingToEraseException e) {
        return noStore(problem(HttpStatus.CONFLICT, "nothing-to-erase", "The complaint has no data key to erase",
                "It was erased already, or it was received before per-complaint keys: its fields are then sealed "
                        + "under the service key, and only retiring that key makes them unreadable "
                        + "(docs/security.md)."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notStored(ErasureNotStoredException e) {
        return noStoreRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "not-stored", "Not erased",
                "The broker did not confirm the erasure; it may be incomplete. Retry in a few seconds."), 5);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> keysUnavailable(ComplaintKeys.KeysUnavailableException e) {
        return noStoreRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "keys-unavailable",
                "The complaints' keys are loading", "The service cannot read the complaints' keys up to date now; "
                        + "nothing was erased. Retry in a few seconds."), 5);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(CaseFilesUnavailableException e) {
        return noStoreRetryAfter(problem(HttpStatus.SERVICE_UNAVAILABLE, "service-starting",
                "The case files are loading", "The service is loading the case files from Kafka. Retry in a few "
                        + "seconds."), 5);
    }
}
