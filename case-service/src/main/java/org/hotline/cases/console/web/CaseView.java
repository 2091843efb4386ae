package org.hotline.cases.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cases.casefile.domain.Answer;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.Escalation;
import org.hotline.cases.casefile.domain.EscalationHold;
import org.hotline.cases.casefile.domain.EscalationRequest;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.hotline.cases.http.PageTimes;
import org.hotline.datafiles.UnitNames;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * One case as the console shows it: the status page's facts with the ids the forms need, the circumstances, and
 * the whole timeline in words, every time local to the calendar's zone (Asia/Almaty), the region by its name in the
 * page's language (its code only when the units file does not list it). Nothing of the complainant: that is opened
 * on its own page, on request.
 */
record CaseView(String reference, String state, @Nullable String receivedAt, List<Body> bodies, List<Event> timeline,
        List<String> categories, @Nullable String workplaceType, @Nullable String sector, @Nullable String accusedRole,
        boolean publicOfficial, @Nullable String region, boolean victimMinor, boolean immediateDanger,
        boolean closed) {

    /**
     * One body, with what the forms need: whether its receipt and its answer can still be recorded, and whether its
     * escalation can be held.
     *
     * @param recordedBy {@code body} or {@code caseworker}, once answered
     * @param heldUntil the last day its escalation waits, while a caseworker's hold stands
     * @param holdReason that hold's reason
     * @param holdOpen true while its silence may still be escalated, so held
     * @param escalationRequest the reason of a caseworker's request to escalate past it, while the step is not taken
     * @param escalationOpen true while a caseworker may ask to escalate past it now: it was told, and may still be
     *     escalated past, and nobody asked yet
     */
    record Body(String authorityId, String name, String role, String state, boolean overdue,
            @Nullable String notifiedAt, String acknowledgeBy, String answerBy, @Nullable String acknowledgedAt,
            @Nullable String registrationNumber, @Nullable String answeredAt, @Nullable String answer,
            @Nullable String recordedBy, boolean acknowledgementOpen, boolean answerOpen, @Nullable String heldUntil,
            @Nullable String holdReason, boolean holdOpen, @Nullable String escalationRequest,
            boolean escalationOpen) {
    }

    /** Something that happened to the case, at a local time, in words. */
    record Event(String at, String text) {
    }

    static CaseView of(CaseFile file, LocalDate today, String language, ZoneId zone, AuthorityNames names,
            UnitNames places, MessageSource messages) {
        PageTimes times = new PageTimes(language, zone);
        Locale locale = Locale.forLanguageTag(language);
        List<Body> bodies = file.assignments().stream()
                .map(a -> body(a, today, language, times, names, file.closed())).toList();
        Circumstances facts = file.circumstances() != null ? file.circumstances() : Circumstances.UNKNOWN;
        return new CaseView(String.valueOf(file.reference()), file.state(today).name(),
                times.moment(file.receivedAt()), bodies, timeline(file, language, times, names, messages, locale),
                facts.categories(), facts.workplaceType(), facts.sector(), facts.accusedRole(),
                facts.publicOfficial(), facts.region() == null ? null : places.name(facts.region(), language),
                facts.minorVictim(), facts.dangerNow(),
                file.closure() != null);
    }

    private static Body body(Assignment a, LocalDate today, String language, PageTimes times, AuthorityNames names,
            boolean closed) {
        AssignmentState state = a.state(today);
        EscalationHold hold = a.escalationHeld(today) ? a.hold() : null;
        boolean open = !closed && a.escalates() && a.answeredAt() == null && a.escalatedAt() == null;
        EscalationRequest request = open ? a.request() : null;
        return new Body(a.authorityId(), name(a, language, names), a.role(), state.name(),
                state.name().endsWith("_OVERDUE") || state == AssignmentState.ESCALATED, times.moment(a.notifiedAt()),
                times.day(a.acknowledgeBy()), times.day(a.answerBy()), times.moment(a.acknowledgedAt()),
                a.registrationNumber(), times.moment(a.answeredAt()),
                a.answer() == null ? null : a.answer().outcome().name(),
                a.answer() == null ? null : a.answer().recordedBy(),
                a.acknowledgedAt() == null && a.answeredAt() == null, a.answeredAt() == null,
                hold == null ? null : times.day(hold.until()), hold == null ? null : hold.reason(), open,
                request == null ? null : request.reason(), open && a.told() && a.request() == null);
    }

    /** Every dated fact of the file, oldest first. */
    private static List<Event> timeline(CaseFile file, String language, PageTimes times, AuthorityNames names,
            MessageSource messages, Locale locale) {
        record Dated(Instant at, String text) {
        }
        List<Dated> events = new ArrayList<>();
        if (file.receivedAt() != null) {
            events.add(new Dated(file.receivedAt(), messages.getMessage("console.event.received", null, locale)));
        }
        for (Assignment a : file.assignments()) {
            Object[] body = {name(a, language, names)};
            if (a.notifiedAt() != null) {
                events.add(new Dated(a.notifiedAt(), messages.getMessage(
                        a.noticeFailed() ? "console.event.noticeFailed" : "console.event.notified", body, locale)));
            }
            if (a.remindedAt() != null) {
                events.add(new Dated(a.remindedAt(), messages.getMessage("console.event.reminded", body, locale)));
            }
            if (a.acknowledgedAt() != null) {
                events.add(new Dated(a.acknowledgedAt(), messages.getMessage("console.event.acknowledged",
                        new Object[] {body[0], String.valueOf(a.registrationNumber())}, locale)));
            }
            EscalationHold hold = a.hold();
            if (hold != null) {
                events.add(new Dated(hold.at(), hold.until() == null
                        ? messages.getMessage("console.event.released", new Object[] {body[0],
                                String.valueOf(hold.principal()), hold.reason()}, locale)
                        : messages.getMessage("console.event.held", new Object[] {body[0], times.day(hold.until()),
                                String.valueOf(hold.principal()), hold.reason()}, locale)));
            }
            EscalationRequest request = a.request();
            if (request != null) {
                events.add(new Dated(request.at(), messages.getMessage("console.event.escalationRequested",
                        new Object[] {body[0], String.valueOf(request.principal()), request.reason()}, locale)));
            }
            if (a.answeredAt() != null && a.answer() != null) {
                String outcome = messages.getMessage("status.answer." + a.answer().outcome().name(), null, locale);
                events.add(new Dated(a.answeredAt(), messages.getMessage("console.event.answered." + recordedBy(a),
                        new Object[] {body[0], outcome}, locale)));
            }
        }
        for (Escalation step : file.escalations()) {
            String key = Escalation.CASEWORKER_DECISION.equals(step.reason()) ? "console.event.escalatedEarly"
                    : "console.event.escalated";
            events.add(new Dated(step.at(), messages.getMessage(key, new Object[] {
                AuthorityNames.inLanguage(names.of(step.fromAuthorityId()), step.fromAuthorityId(), language),
                AuthorityNames.inLanguage(names.of(step.toAuthorityId()), step.toAuthorityId(), language)},
                locale)));
        }
        if (file.escalationExhaustedAt() != null) {
            events.add(new Dated(file.escalationExhaustedAt(),
                    messages.getMessage("console.event.exhausted", null, locale)));
        }
        if (file.closure() != null) {
            String reason = messages.getMessage("status.closure." + file.closure().reason().name(), null, locale);
            events.add(new Dated(file.closure().at(), messages.getMessage("console.event.closed",
                    new Object[] {reason, String.valueOf(file.closure().principal())}, locale)));
        }
        return events.stream().sorted(Comparator.comparing(Dated::at))
                .map(dated -> new Event(String.valueOf(times.moment(dated.at())), dated.text())).toList();
    }

    private static String recordedBy(Assignment a) {
        return a.answer() != null && Answer.BY_CASEWORKER.equals(a.answer().recordedBy()) ? Answer.BY_CASEWORKER
                : Answer.BY_BODY;
    }

    private static String name(Assignment a, String language, AuthorityNames names) {
        Map<String, String> byLanguage = a.authorityName().isEmpty() ? names.of(a.authorityId()) : a.authorityName();
        return AuthorityNames.inLanguage(byLanguage, a.authorityId(), language);
    }
}
