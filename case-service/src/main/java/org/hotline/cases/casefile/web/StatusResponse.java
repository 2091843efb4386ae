package org.hotline.cases.casefile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hotline.cases.casefile.domain.AnswerOutcome;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseState;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.jspecify.annotations.Nullable;

/**
 * A case as the complainant sees it (docs/case.md): which bodies were told and when, their deadlines, who
 * acknowledged with which number, what each answered, and where each stands today. Nothing in it identifies the
 * complainant.
 *
 * @param closedAt when a caseworker closed the case ({@code state} {@code CLOSED}); null while it is open
 * @param closureReason why it was closed; null while it is open
 */
@Schema(description = "A case as the complainant sees it; nothing in it identifies them")
record StatusResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "HL-7F3K-9QX2-ABCD") String reference,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Where the case stands today (Asia/Almaty)")
        CaseState state,
        @Schema(description = "When the intake took it") @Nullable Instant receivedAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The bodies told, the primary first")
        List<Body> assignments,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Each step up a silent body's ladder")
        List<Step> escalations,
        @Schema(description = "When a caseworker closed the case; null while it is open") @Nullable Instant closedAt,
        @Schema(description = "Why it was closed; null while it is open") @Nullable ClosureReason closureReason) {

    /**
     * @param authorityName the body's name by language ({@code kk}, {@code ru}, {@code en}): routing's for the bodies
     *     it chose, the directory's for the rungs escalation added
     * @param acknowledgeBy the last day to confirm receipt, inclusive, as an ISO date
     * @param answerBy the last day to answer, inclusive, as an ISO date
     * @param answer the outcome of the body's answer, once answered; its texts (the body's words) stay with the
     *     caseworkers
     */
    @Schema(description = "A body the complaint went to")
    record Body(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "kz-39-police") String authorityId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The body's name by language (kk, ru, en)")
            Map<String, String> authorityName,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "PRIMARY, COPY, or ESCALATION for a rung "
                    + "of the ladder", allowableValues = {"PRIMARY", "COPY", "ESCALATION"}, example = "PRIMARY")
            String role,
            @Schema(description = "When the body was emailed; null until then") @Nullable Instant notifiedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The last day to confirm receipt, "
                    + "inclusive") LocalDate acknowledgeBy,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The last day to answer, inclusive")
            LocalDate answerBy,
            @Schema(description = "When the body confirmed receipt") @Nullable Instant acknowledgedAt,
            @Schema(description = "The body's registration number", example = "01-12/345")
            @Nullable String registrationNumber,
            @Schema(description = "When the body answered") @Nullable Instant answeredAt,
            @Schema(description = "The outcome of the body's answer; its texts stay with the caseworkers")
            @Nullable AnswerOutcome answer,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Where the body stands today")
            AssignmentState state) {
    }

    @Schema(description = "A silent body passed over for the next on its ladder")
    record Step(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "kz-39-education") String fromAuthorityId,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "kz-39-prosecutor") String toAuthorityId,
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant at,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "NO_ANSWER_BY_DEADLINE when the body's "
                    + "deadline passed; CASEWORKER_DECISION when the NGO's caseworkers decided not to wait for its "
                    + "answer", allowableValues = {"NO_ANSWER_BY_DEADLINE", "CASEWORKER_DECISION"},
                    example = "NO_ANSWER_BY_DEADLINE") String reason) {
    }

    /** {@code names} gives the names of the bodies escalation added, which the case file knows by id alone. */
    static StatusResponse of(CaseFile file, LocalDate today, AuthorityNames names) {
        return new StatusResponse(String.valueOf(file.reference()), file.state(today), file.receivedAt(),
                file.assignments().stream().map(assignment -> body(assignment, today, names)).toList(),
                file.escalations().stream().map(StatusResponse::step).toList(),
                file.closure() == null ? null : file.closure().at(),
                file.closure() == null ? null : file.closure().reason());
    }

    private static Body body(Assignment a, LocalDate today, AuthorityNames names) {
        Map<String, String> name = a.authorityName().isEmpty() ? names.of(a.authorityId()) : a.authorityName();
        return new Body(a.authorityId(), name, a.role(), a.notifiedAt(), a.acknowledgeBy(), a.answerBy(),
                a.acknowledgedAt(), a.registrationNumber(), a.answeredAt(),
                a.answer() == null ? null : a.answer().outcome(), a.state(today));
    }

    private static Step step(Escalation e) {
        return new Step(e.fromAuthorityId(), e.toAuthorityId(), e.at(), e.reason());
    }
}
