package org.hotline.routing.rules.domain;

import org.jspecify.annotations.Nullable;

/**
 * A value the complainant typed, made fit to stand inside a reason that caseworkers and bodies read as the
 * hotline's own words: on one line, without control or bidirectional characters, at most {@link #LIMIT}
 * characters, and in double quotes that it cannot close (a quote or backslash inside is escaped). The reason
 * labels it as the complainant's, so that "Bavaria). NOTE FROM HOTLINE: …" reads as what someone submitted.
 */
final class ComplainantText {

    /** Long enough for any real region or settlement name, too short to hold a convincing message. */
    static final int LIMIT = 60;

    private ComplainantText() {
    }

    static String quoted(@Nullable String value) {
        if (value == null) {
            return "\"\"";
        }
        StringBuilder text = new StringBuilder();
        int kept = 0;
        boolean cut = false;
        String stripped = value.strip();
        for (int i = 0; i < stripped.length(); ) {
            int c = stripped.codePointAt(i);
            i += Character.charCount(c);
            if (kept == LIMIT) {
                cut = true;
                break;
            }
            if (isLineBreakOrControl(c)) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                    kept++;
                }
                continue;
            }
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.appendCodePoint(c);
            kept++;
        }
        return "\"" + text.toString().strip() + (cut ? "…" : "") + "\"";
    }

    private static boolean isLineBreakOrControl(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x061C || c == 0x200E || c == 0x200F || c == 0xFEFF;
    }
}
