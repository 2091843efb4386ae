package org.hotline.cases.casefile.web;

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
 * acknowledged with which number, what each answered, and where each stands today. Nothing in it identifies the complainant.
 *
 * @param closedAt when a caseworker closed the case ({@code state} {@code CLOSED}); null while it is open
 * @param closureReason why it was closed; null while it is open
 */
record StatusResponse(String reference, CaseState state, @Nullable Instant receivedAt, List<Body> assignments,
        List<Step> escalations, @Nullable Instant closedAt, @Nullable ClosureReason closureReason) {

    /**
     * @param authorityName the body's name by language ({@code kk}, {@code ru}, {@code en}): routing's for the bodies
     *     it chose, the directory's for the rungs escalation added
     * @param acknowledgeBy the last day to confirm receipt, inclusive, as an ISO date
     * @param answerBy the last day to answer, inclusive, as an ISO date
     * @param answer the outcome of the body's answer, once answered; its texts (the body's words) stay with the
     *     caseworkers
     */
    record Body(String authorityId, Map<String, String> authorityName, String role, @Nullable Instant notifiedAt,
            LocalDate acknowledgeBy, LocalDate answerBy, @Nullable Instant acknowledgedAt,
            @Nullable String registrationNumber, @Nullable Instant answeredAt, @Nullable AnswerOutcome answer,
            AssignmentState state) {
    }

    record Step(String fromAuthorityId, String toAuthorityId, Instant at, String reason) {
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
