package org.hotline.cases.acknowledgement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.acknowledgement.application.AnswerInput;
import org.hotline.cases.acknowledgement.application.CaseworkerRecords;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.web.http.ApiDocs;
import org.hotline.web.http.Problems;
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
 * {@code POST /api/v1/cases/{reference}/assignments/{authorityId}/acknowledgement} and {@code .../answer}; a hold on
 * the body's escalation, {@code .../escalation-hold}, or an escalation past it now, {@code .../escalation}; and the
 * case's closure,
 * {@code POST /api/v1/cases/{reference}/closure}. Each answers 202 with the id of the event published once the
 * broker has it; the case file and the status follow it within seconds. JSON only, which a page of another site
 * cannot send without the browser asking first.
 *
 * <p>The answers every operation shares are documented here, once; each operation documents its own 404 and 409,
 * which say what it looks for and what it refuses.
 */
@RestController
@ApiResponses({
    @ApiResponse(responseCode = "202", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = CaseworkerController.Recorded.class))),
    @ApiResponse(responseCode = "400", description = CaseworkerController.INVALID, content = @Content(
            mediaType = CaseworkerController.PROBLEM_JSON, schema = @Schema(ref = CaseworkerController.PROBLEM))),
    @ApiResponse(responseCode = "401", description = CaseworkerController.UNAUTHENTICATED, content = @Content(
            mediaType = CaseworkerController.PROBLEM_JSON, schema = @Schema(ref = CaseworkerController.PROBLEM))),
    @ApiResponse(responseCode = "403", description = CaseworkerController.FORBIDDEN, content = @Content(
            mediaType = CaseworkerController.PROBLEM_JSON, schema = @Schema(ref = CaseworkerController.PROBLEM))),
    @ApiResponse(responseCode = "415", description = CaseworkerController.UNSUPPORTED, content = @Content(
            mediaType = CaseworkerController.PROBLEM_JSON, schema = @Schema(ref = CaseworkerController.PROBLEM))),
    @ApiResponse(responseCode = "503", description = CaseworkerController.UNAVAILABLE, content = @Content(
            mediaType = CaseworkerController.PROBLEM_JSON, schema = @Schema(ref = CaseworkerController.PROBLEM)))})
class CaseworkerController {

    private static final String ASSIGNMENT = "/api/v1/cases/{reference}/assignments/{authorityId}";
    static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM = Problems.SCHEMA_REF;
    private static final String REFERENCE = "The case's reference (HL- and three groups of four); case and "
            + "surrounding spaces do not matter";
    private static final String AUTHORITY = "The body's id in the directory, as the status lists it";
    static final String INVALID = "invalid-record (each field to fix named in errors) or malformed-json";
    static final String UNAUTHENTICATED = "authentication-required: no account, or a wrong password";
    static final String FORBIDDEN = "access-denied: the account is not STAFF; or cross-origin-request: sent "
            + "from another site's page";
    private static final String NOT_FOUND = "case-not-found: no case with this reference; or assignment-not-found: "
            + "the case was not sent to this body";
    static final String UNSUPPORTED = "unsupported-media-type: the body is not application/json";
    static final String UNAVAILABLE = "not-stored: the broker did not confirm, nothing was recorded; or "
            + "service-starting: the case files are loading. Retry after Retry-After seconds";

    private final CaseworkerRecords records;

    CaseworkerController(CaseworkerRecords records) {
        this.records = records;
    }

    /**
     * @param registrationNumber the body's registration number, as its letter or call gave it
     * @param acknowledgedOn the day the body's confirmation came (YYYY-MM-DD); today when absent
     */
    @Schema(description = "What a body's letter or call confirming receipt said",
            example = "{\"registrationNumber\": \"01-12/345\"}")
    record AcknowledgementRecord(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 64, description = "The body's "
                    + "registration number, as its letter or call gave it: one line", example = "01-12/345")
            @Nullable String registrationNumber,
            @Schema(format = "date", description = "The day the confirmation came; today when absent; neither "
                    + "before the complaint was received nor after today (Asia/Almaty)", example = "2026-12-02")
            @Nullable String acknowledgedOn) {
    }

    /**
     * @param outcome ACCEPTED_FOR_CONSIDERATION, FORWARDED, MEASURES_TAKEN or REFUSED
     * @param forwardedTo with FORWARDED: the body it went to
     * @param reason with REFUSED: the body's reason
     * @param outgoingNumber the outgoing number of the body's letter
     * @param outgoingDate the date of the body's letter (YYYY-MM-DD)
     * @param answeredOn the day the answer came (YYYY-MM-DD); today when absent
     */
    @Schema(description = "What a body's letter or call answering the complaint said",
            example = "{\"outcome\": \"FORWARDED\", \"forwardedTo\": \"Прокуратура Костанайской области\", "
                    + "\"outgoingNumber\": \"5-1/1234\", \"outgoingDate\": \"2026-11-20\"}")
    record AnswerRecord(
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = AnswerOutcome.class,
                    description = "What the body did")
            @Nullable String outcome,
            @Schema(maxLength = 200, description = "Required with FORWARDED, dropped otherwise: the body it went "
                    + "to, one line", example = "Прокуратура Костанайской области")
            @Nullable String forwardedTo,
            @Schema(maxLength = 1000, description = "Required with REFUSED, dropped otherwise: the body's reason; "
                    + "line breaks allowed", example = "Школа не подведомственна управлению.")
            @Nullable String reason,
            @Schema(maxLength = 64, description = "The outgoing number of the body's letter, one line",
                    example = "5-1/1234")
            @Nullable String outgoingNumber,
            @Schema(format = "date", description = "The date of the body's letter, not after today",
                    example = "2026-11-20")
            @Nullable String outgoingDate,
            @Schema(format = "date", description = "The day the answer came; today when absent; neither before the "
                    + "complaint was received nor after today (Asia/Almaty)", example = "2026-12-09")
            @Nullable String answeredOn) {
    }

    /**
     * @param reason RESOLVED, WITHDRAWN, REFERRED_ELSEWHERE or NO_FURTHER_ACTION
     * @param closedOn the day the case was closed (YYYY-MM-DD); today when absent
     */
    @Schema(description = "Why and when the caseworkers closed the case", example = "{\"reason\": \"RESOLVED\"}")
    record ClosureRecord(
            @Schema(requiredMode = RequiredMode.REQUIRED, implementation = ClosureReason.class,
                    description = "Why the case is closed")
            @Nullable String reason,
            @Schema(format = "date", description = "The day it was decided; today when absent; neither before the "
                    + "complaint was received nor after today (Asia/Almaty)", example = "2026-12-09")
            @Nullable String closedOn) {
    }

    /**
     * @param heldUntil the last day the escalation waits (YYYY-MM-DD); absent to lift the hold
     * @param reason why, for the case's timeline
     */
    @Schema(description = "A hold on the escalation of a body's silence, or its lifting",
            example = "{\"heldUntil\": \"2027-01-08\", \"reason\": \"The department's head called: the answer "
                    + "goes out by post on 5 January.\"}")
    record HoldRecord(
            @Schema(format = "date", description = "The last day (Asia/Almaty) the escalation waits, from today to "
                    + CaseworkerRecords.MAX_HOLD_DAYS + " days ahead; absent or empty lifts the hold",
                    example = "2027-01-08")
            @Nullable String heldUntil,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 500, description = "Why, for "
                    + "the case's timeline; line breaks allowed; never the complainant's details",
                    example = "The department's head called: the answer goes out by post on 5 January.")
            @Nullable String reason) {
    }

    @Operation(summary = "Hold a body's escalation, or lift the hold",
            description = "The silence check does not send the case up the ladder past this body until the day "
                    + "after heldUntil, even once its answer deadline has passed; it still reminds it. The latest "
                    + "hold stands; without heldUntil, the hold is lifted and a body past its deadline is escalated "
                    + "at the next check. A routed PRIMARY body or a rung; not a copy, which is never escalated. "
                    + "Answers 202 with the id of the EscalationHeld event once the broker has it. Role STAFF; "
                    + "audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            responses = {
                @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
                        mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "409", description = "nothing-to-hold: the case is closed, the body "
                        + "answered, was escalated already or is a copy; or no hold is there to lift",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = ASSIGNMENT + "/escalation-hold", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> hold(
            @Parameter(description = REFERENCE, example = "HL-7F3K-9QX2-ABCD") @PathVariable String reference,
            @Parameter(description = AUTHORITY, example = "kz-39-police") @PathVariable String authorityId,
            @RequestBody HoldRecord body, Principal caseworker) {
        return accepted(records.hold(reference, authorityId, body.heldUntil(), body.reason(), caseworker.getName()));
    }

    /**
     * A request to escalate past a body now.
     *
     * @param reason why, for the case's timeline and the next rung's letter
     */
    @Schema(description = "A request to send the case past a body to the next rung of its ladder now",
            example = "{\"reason\": \"The district police refused to register the complaint by phone.\"}")
    record EscalationRecord(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 500, description = "Why, for "
                    + "the case's timeline and for the next rung, whose letter quotes it; line breaks allowed; never "
                    + "the complainant's details",
                    example = "The district police refused to register the complaint by phone.")
            @Nullable String reason) {
    }

    @Operation(summary = "Escalate past a body now, without waiting for its answer deadline",
            description = "The case goes to the next rung of the body's escalation ladder at the silence check's "
                    + "next pass (within its check interval, minutes), as at a deadline: the rung gets its letter, "
                    + "with this reason, and its own deadlines; the complainant and the caseworkers are told. It "
                    + "outweighs a hold on the body. A told routed PRIMARY body or a rung, with a ladder above it; "
                    + "not a copy. The first request stands. Answers 202 with the id of the EscalationRequested "
                    + "event once the broker has it. Role STAFF; audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            responses = {
                @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
                        mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "409", description = "nothing-to-escalate: the case is closed; the body "
                        + "answered, was escalated past already, was asked about already, was never told, or is a "
                        + "copy; or no ladder goes up from it",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = ASSIGNMENT + "/escalation", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> escalate(
            @Parameter(description = REFERENCE, example = "HL-7F3K-9QX2-ABCD") @PathVariable String reference,
            @Parameter(description = AUTHORITY, example = "kz-39-police") @PathVariable String authorityId,
            @RequestBody EscalationRecord body, Principal caseworker) {
        return accepted(records.escalate(reference, authorityId, body.reason(), caseworker.getName()));
    }

    @Operation(summary = "Close a case",
            description = "From then on nothing is reminded or escalated, and the status says CLOSED with the "
                    + "reason. The first closure stands. Answers 202 with the id of the CaseClosed event once the "
                    + "broker has it; the case file follows within seconds. Role STAFF; audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            responses = {
                @ApiResponse(responseCode = "404", description = "case-not-found", content = @Content(
                        mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "409", description = "already-recorded: the case is closed already",
                        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = "/api/v1/cases/{reference}/closure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> close(
            @Parameter(description = REFERENCE, example = "HL-7F3K-9QX2-ABCD") @PathVariable String reference,
            @RequestBody ClosureRecord body,
            Principal caseworker) {
        return accepted(records.close(reference, body.reason(), body.closedOn(), caseworker.getName()));
    }

    @Operation(summary = "Record a body's acknowledgement, sent by post or given on the phone",
            description = "As if the body had confirmed through its link: the same AssignmentAcknowledged event, "
                    + "marked recordedBy caseworker with the account's name. The first acknowledgement stands. "
                    + "Answers 202 with the event's id once the broker has it; the status shows it within seconds. "
                    + "Role STAFF; audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            responses = {
                @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
                        mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "409", description = "already-recorded: the body's acknowledgement is "
                        + "recorded already", content = @Content(mediaType = PROBLEM_JSON,
                                schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = ASSIGNMENT + "/acknowledgement", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> acknowledge(
            @Parameter(description = REFERENCE, example = "HL-7F3K-9QX2-ABCD") @PathVariable String reference,
            @Parameter(description = AUTHORITY, example = "kz-39-police") @PathVariable String authorityId,
            @RequestBody AcknowledgementRecord body, Principal caseworker) {
        return accepted(records.acknowledge(reference, authorityId, body.registrationNumber(), body.acknowledgedOn(),
                caseworker.getName()));
    }

    @Operation(summary = "Record a body's answer, sent by post or given on the phone",
            description = "As if the body had answered through its link: the same AssignmentAnswered event, marked "
                    + "recordedBy caseworker with the account's name; an answer from a body that never acknowledged "
                    + "counts as its acknowledgement too. The first answer stands. Answers 202 with the event's id "
                    + "once the broker has it; the status shows the outcome within seconds, its texts stay with the "
                    + "caseworkers. Role STAFF; audited.",
            security = @SecurityRequirement(name = ApiDocs.BASIC),
            responses = {
                @ApiResponse(responseCode = "404", description = NOT_FOUND, content = @Content(
                        mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM))),
                @ApiResponse(responseCode = "409", description = "already-recorded: the body's answer is recorded "
                        + "already", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))})
    @PostMapping(path = ASSIGNMENT + "/answer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, UUID>> answer(
            @Parameter(description = REFERENCE, example = "HL-7F3K-9QX2-ABCD") @PathVariable String reference,
            @Parameter(description = AUTHORITY, example = "kz-39-police") @PathVariable String authorityId,
            @RequestBody AnswerRecord body, Principal caseworker) {
        AnswerInput input = new AnswerInput(body.outcome(), body.forwardedTo(), body.reason(), body.outgoingNumber(),
                body.outgoingDate());
        return accepted(records.answer(reference, authorityId, input, body.answeredOn(), caseworker.getName()));
    }

    /** The answer of a record taken: the id of the event published. */
    @Schema(description = "The record is published")
    record Recorded(@Schema(requiredMode = RequiredMode.REQUIRED, description = "The id of the event published",
            example = "5b0c3e1a-7d2f-4e6a-9c8b-1f0e2d3c4b5a") UUID eventId) {
    }

    private static ResponseEntity<Map<String, UUID>> accepted(UUID eventId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore())
                .body(Map.of("eventId", eventId));
    }
}
