package org.hotline.cases.casefile.web;

import java.time.ZoneId;
import java.util.List;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.http.PageTimes;
import org.jspecify.annotations.Nullable;

/**
 * The status page's case: the status API's answer in the page's language, every date and time local to the calendar's
 * zone (Asia/Almaty) and written out. States, roles and answers stay names here; the page's messages put them in
 * words.
 */
record StatusPage(String reference, String state, @Nullable String receivedAt, List<Body> bodies,
        List<Step> escalations, @Nullable String closedOn, @Nullable String closureReason) {

    /** One body; {@code overdue} when it is past a deadline today. */
    record Body(String name, String role, String state, boolean overdue, @Nullable String notifiedAt,
            String acknowledgeBy, String answerBy, @Nullable String acknowledgedAt, @Nullable String registrationNumber,
            @Nullable String answeredAt, @Nullable String answer) {
    }

    /**
     * The case went from one body to the one above it, on that day.
     *
     * @param early true when the caseworkers decided not to wait for the body's answer, false when its deadline
     *     passed
     */
    record Step(String at, String from, String to, boolean early) {
    }

    static StatusPage of(StatusResponse status, String language, ZoneId zone, AuthorityNames names) {
        PageTimes times = new PageTimes(language, zone);
        List<Body> bodies = status.assignments().stream().map(body -> new Body(
                AuthorityNames.inLanguage(body.authorityName(), body.authorityId(), language), body.role(),
                body.state().name(),
                body.state().name().endsWith("_OVERDUE") || body.state() == AssignmentState.ESCALATED,
                times.moment(body.notifiedAt()),
                times.day(body.acknowledgeBy()), times.day(body.answerBy()), times.moment(body.acknowledgedAt()),
                body.registrationNumber(), times.moment(body.answeredAt()),
                body.answer() == null ? null : body.answer().name()))
                .toList();
        List<Step> steps = status.escalations().stream().map(step -> new Step(times.day(step.at()),
                AuthorityNames.inLanguage(names.of(step.fromAuthorityId()), step.fromAuthorityId(), language),
                AuthorityNames.inLanguage(names.of(step.toAuthorityId()), step.toAuthorityId(), language),
                Escalation.CASEWORKER_DECISION.equals(step.reason()))).toList();
        return new StatusPage(status.reference(), status.state().name(), times.moment(status.receivedAt()), bodies,
                steps, status.closedAt() == null ? null : times.day(status.closedAt()),
                status.closureReason() == null ? null : status.closureReason().name());
    }
}
