package org.hotline.intake.complaint.domain;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Puts submitted text into one canonical form before anything else looks at it: Unicode NFC (so that
 * "й" typed on a Kazakh and on a Russian keyboard compare equal), no control characters, and no
 * bidirectional overrides, which can make an email to an authority display something other than what
 * it contains.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    /** A single-line value: every control character goes, line breaks included; outer spaces trimmed. */
    static @Nullable String singleLine(@Nullable String text) {
        return text == null ? null : clean(text, false);
    }

    /** A free-text value: line breaks and tabs are kept (CR LF becomes LF), other control characters go. */
    static @Nullable String multiLine(@Nullable String text) {
        return text == null ? null : clean(text, true);
    }

    private static String clean(String text, boolean keepLineBreaks) {
        String composed = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(composed.length());
        composed.codePoints().forEach(codePoint -> {
            if (keepLineBreaks && (codePoint == '\n' || codePoint == '\t')) {
                kept.appendCodePoint(codePoint);
            } else if (!isControl(codePoint) && !isBidiControl(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
        });
        return kept.toString().strip();
    }

    private static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == '\u2028' || codePoint == '\u2029';
    }

    private static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F;
    }
}
