package org.hotline.cases.acknowledgement.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checks of the texts and dates that bodies and caseworkers type. Texts are stripped; control characters are
 * refused (they have no place in a number or a name, and would forge lines in anything that prints them), except
 * the line breaks of a paragraph. A problem names the field and never repeats its value.
 */
final class Fields {

    private Fields() {
    }

    /** A stripped line of at most {@code max} characters; null when blank and not required. */
    static @Nullable String line(String field, @Nullable String value, int max, boolean required,
            List<FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must be one line of at most " + max + " characters"));
            return null;
        }
        return text;
    }

    /** Like {@link #line}, but line breaks are kept (as {@code \n}) and count towards the length. */
    static @Nullable String paragraph(String field, @Nullable String value, int max, boolean required,
            List<FieldProblem> problems) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return null;
        }
        if (text.length() > max || text.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
            problems.add(new FieldProblem(field, "must be text of at most " + max
                    + " characters without control characters"));
            return null;
        }
        return text;
    }

    /** An ISO date from {@code today} to {@code maxDays} after it; null when blank. */
    static @Nullable LocalDate comingDate(String field, @Nullable String value, LocalDate today, int maxDays,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isBefore(today) || date.isAfter(today.plusDays(maxDays))) {
                problems.add(new FieldProblem(field, "must be from today (" + today + ", Asia/Almaty) to "
                        + today.plusDays(maxDays)));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }

    /** An ISO date ({@code 2026-12-01}) no later than {@code today}; null when blank. */
    static @Nullable LocalDate date(String field, @Nullable String value, LocalDate today,
            List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isAfter(today)) {
                problems.add(new FieldProblem(field, "must not be after today (" + today + ", Asia/Almaty)"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }
}
