package org.hotline.notification.dispatch.domain;

import org.jspecify.annotations.Nullable;

/**
 * Makes values from events safe to put in mail. Every character that could end a header line or reorder
 * what a reader sees (CR, LF, NEL, line and paragraph separators, other control characters, bidirectional
 * overrides) becomes a space in one-line values; multi-line values keep only LF. Long values are cut.
 * HTML escaping is the templates' job ({@code th:text}); this class makes no value able to add a header.
 */
public final class SafeText {

    /** Longest one-line value (names, reasons, subjects). */
    public static final int LINE_LIMIT = 500;
    /** Longest multi-line value (the description); an authority gets the full text from the NGO on request. */
    public static final int TEXT_LIMIT = 20_000;
    private static final String CUT = " […]";

    private SafeText() {
    }

    public static String line(@Nullable String value) {
        return line(value, LINE_LIMIT);
    }

    public static String line(@Nullable String value, int limit) {
        if (value == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(value.length(), limit + CUT.length()));
        value.codePoints().forEach(c -> safe.appendCodePoint(isUnsafe(c) || c == '\n' || c == '\t' ? ' ' : c));
        return cut(safe.toString().strip(), limit);
    }

    public static String text(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String unified = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder safe = new StringBuilder(Math.min(unified.length(), TEXT_LIMIT + CUT.length()));
        unified.codePoints().forEach(c -> {
            if (c == '\n') {
                safe.append('\n');
            } else if (c == '\t') {
                safe.append(' ');
            } else {
                safe.appendCodePoint(isUnsafe(c) ? ' ' : c);
            }
        });
        return cut(safe.toString().strip(), TEXT_LIMIT);
    }

    /** Whether an address or header value would need neutralising: such values are refused, not repaired. */
    public static boolean hasUnsafeCharacters(String value) {
        return value.codePoints().anyMatch(c -> isUnsafe(c) || c == '\n' || c == '\t');
    }

    private static boolean isUnsafe(int c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF;
    }

    private static String cut(String value, int limit) {
        if (value.length() <= limit) {
            return value;
        }
        int end = limit;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + CUT;
    }
}
