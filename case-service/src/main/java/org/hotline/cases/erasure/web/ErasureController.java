package org.hotline.cases.erasure.web;

import static org.hotline.web.http.Problems.noStore;
import static org.hotline.web.http.Problems.noStoreRetryAfter;
import static org.hotline.web.http.Problems.problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.application.CaseFilesUnavailableException;
import org.hotline.cases.erasure.application.ErasureNotStoredException;
import org.hotline.cases.erasure.application.Erasures;
import org.hotline.cases.erasure.application.NothingToEraseException;
import org.hotline.cases.erasure.application.UnknownCaseException;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.hotline.web.http.ApiDocs;
import org.hotline.web.http.Problems;
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

    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = Problems.SCHEMA_REF;

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @Operation(summary = "Erase a complaint's personal data",
            description = "Erases the complaint's data keys: every copy of the complainant's identity, contact and "
                    + "statement, on every topic, then opens nowhere; the case file, the status and what the bodies "
                    + "did stay. It cannot be undone. Answers 202 once the broker has the keys' tombstones; the "
                    + "services' key stores drop them within seconds (docs/security.md, \"Per-complaint keys and "
                    + "erasure\"). Role ADMIN (a STAFF account is refused); audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "Not read: the empty object, as application/json (which a page of another site "
                            + "cannot send without the browser asking first)",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(type = "object", description = "The empty object", example = "{}"))),
            responses = {
                @ApiResponse(responseCode = "202", description = "Erased", content = @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Erased.class))),
                @ApiResponse(responseCode = "401", description = "authentication-required: no account, or a wrong "
                        + "password", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "403", description = "access-denied: the account is not ADMIN; or "
                        + "cross-origin-request: sent from another site's page",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "404", description = "case-not-found: no case with this reference",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "409", description = "nothing-to-erase: erased already, or received "
                        + "before per-complaint keys", content = @Content(mediaType = PROBLEM_JSON,
                                schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "415", description = "unsupported-media-type: the body is not "
                        + "application/json", content = @Content(mediaType = PROBLEM_JSON,
                                schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "503", description = "not-stored (the broker did not confirm; the "
                        + "erasure may be incomplete), keys-unavailable or service-starting; retry after "
                        + "Retry-After seconds", content = @Content(mediaType = PROBLEM_JSON,
                                schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = "/api/v1/cases/{reference}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> erase(@Parameter(description = "The case's reference (HL- and three groups "
            + "of four)", example = "HL-7F3K-9QX2-ABCD") @PathVariable String reference) {
        Erasures.Erased erased = erasures.erase(reference);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complaintId", erased.complaintId());
        body.put("erasedAt", erased.at().toString());
        body.put("keysErased", erased.keys());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(body);
    }

    /** The 202's body, for the API's description: the map {@link #erase} answers. */
    @Schema(description = "The complaint's keys are erased")
    record Erased(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "0f6c2a4e-8b1d-4c3f-a5e7-9d2b4f6a8c1e")
            UUID complaintId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-12-10T06:00:01Z") Instant erasedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "How many data keys were erased",
                    example = "1") int keysErased) {
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
