package org.hotline.cases.acknowledgement.web;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.AnswerInput;
import org.hotline.cases.acknowledgement.application.CaseworkerRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a body sent by post or said on the phone, recorded by a caseworker (role STAFF, HTTP Basic; docs/case.md):
 * {@code POST /api/v1/cases/{reference}/assignments/{authorityId}/acknowledgement} and {@code .../answer}; and the
 * case's closure, {@code POST /api/v1/cases/{reference}/closure}. Each answers 202 with the id of the event published once the broker has it; the case file and the status follow it
 * within seconds. JSON only, which a page of another site cannot send without the browser asking first.
 */
@RestController
class CaseworkerController {

    private static final String ASSIGNMENT = "/api/v1/cases/{reference}/assignments/{authorityId}";

    private final CaseworkerRecords records;

    CaseworkerController(CaseworkerRecords records) {
        this.records = records;
    }

    /**
     * @param registrationNumber the body's registration number, as its letter or call gave it
     * @param acknowledgedOn the day the body's confirmation came (YYYY-MM-DD); today when absent
     */
    record AcknowledgementRecord(@Nullable String registrationNumber, @Nullable String acknowledgedOn) {
    }

    /**
     * @param outcome ACCEPTED_FOR_CONSIDERATION, FORWARDED, MEASURES_TAKEN or REFUSED
     * @param forwardedTo with FORWARDED: the body it went to
     * @param reason with REFUSED: the body's reason
     * @param outgoingNumber the outgoing number of the body's letter
     * @param outgoingDate the date of the body's letter (YYYY-MM-DD)
     * @param answeredOn the day the answer came (YYYY-MM-DD); today when absent
     */
    record AnswerRecord(@Nullable String outcome, @Nullable String forwardedTo, @Nullable String reason,
            @Nullable String outgoingNumber, @Nullable String outgoingDate, @Nullable String answeredOn) {
    }

    /**
     * @param reason RESOLVED, WITHDRAWN, REFERRED_ELSEWHERE or NO_FURTHER_ACTION
     * @param closedOn the day the case was closed (YYYY-MM-DD); today when absent
     */
    record ClosureRecord(@Nullable String reason, @Nullable String closedOn) {
    }

    @PostMapping(path = "/api/v1/cases/{reference}/closure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> close(@PathVariable String reference, @RequestBody ClosureRecord body,
            Principal caseworker) {
        return accepted(records.close(reference, body.reason(), body.closedOn(), caseworker.getName()));
    }

    @PostMapping(path = ASSIGNMENT + "/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> acknowledge(@PathVariable String reference, @PathVariable String authorityId,
            @RequestBody AcknowledgementRecord body, Principal caseworker) {
        return accepted(records.acknowledge(reference, authorityId, body.registrationNumber(), body.acknowledgedOn(),
                caseworker.getName()));
    }

    @PostMapping(path = ASSIGNMENT + "/answer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> answer(@PathVariable String reference, @PathVariable String authorityId,
            @RequestBody AnswerRecord body, Principal caseworker) {
        AnswerInput input = new AnswerInput(body.outcome(), body.forwardedTo(), body.reason(), body.outgoingNumber(),
                body.outgoingDate());
        return accepted(records.answer(reference, authorityId, input, body.answeredOn(), caseworker.getName()));
    }

    private static ResponseEntity<Map<String, UUID>> accepted(UUID eventId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(Map.of("eventId", eventId));
    }
}
