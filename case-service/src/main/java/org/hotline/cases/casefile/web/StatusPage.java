package org.hotline.cases.casefile.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.cases.directory.domain.AuthorityNames;
import org.jspecify.annotations.Nullable;

/**
 * The status page's case: the status API's answer in the page's language, every date and time local to the calendar's
 * zone (Asia/Almaty) and written out. States, roles and answers stay names here; the page's messages put them in
 * words.
 */
record StatusPage(String reference, String state, @Nullable String receivedAt, List<Body> bodies,
        List<Step> escalations) {

    /** One body; {@code overdue} when it is past a deadline today. */
    record Body(String name, String role, String state, boolean overdue, @Nullable String notifiedAt,
            String acknowledgeBy, String answerBy, @Nullable String acknowledgedAt, @Nullable String registrationNumber,
            @Nullable String answeredAt, @Nullable String answer) {
    }

    /** The case went from one body to the one above it, on that day. */
    record Step(String at, String from, String to) {
    }

    static StatusPage of(StatusResponse status, String language, ZoneId zone, AuthorityNames names) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        List<Body> bodies = status.assignments().stream().map(body -> new Body(
                name(body.authorityName(), body.authorityId(), language), body.role(), body.state().name(),
                body.state().name().endsWith("_OVERDUE"), at(body.notifiedAt(), zone, date, time),
                date.format(body.acknowledgeBy()), date.format(body.answerBy()),
                at(body.acknowledgedAt(), zone, date, time), body.registrationNumber(),
                at(body.answeredAt(), zone, date, time), body.answer() == null ? null : body.answer().name()))
                .toList();
        List<Step> steps = status.escalations().stream().map(step -> new Step(
                date.format(LocalDate.ofInstant(step.at(), zone)),
                name(names.of(step.fromAuthorityId()), step.fromAuthorityId(), language),
                name(names.of(step.toAuthorityId()), step.toAuthorityId(), language))).toList();
        return new StatusPage(status.reference(), status.state().name(), at(status.receivedAt(), zone, date, time),
                bodies, steps);
    }

    /** The body's name in the page's language, else in Russian, else in English, else its id. */
    private static String name(Map<String, String> byLanguage, String id, String language) {
        for (String candidate : List.of(language, "ru", "en")) {
            String name = byLanguage.get(candidate);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return id;
    }

    private static @Nullable String at(@Nullable Instant instant, ZoneId zone, DateTimeFormatter date,
            DateTimeFormatter time) {
        return instant == null ? null
                : date.format(instant.atZone(zone)) + ", " + time.format(instant.atZone(zone));
    }
}
