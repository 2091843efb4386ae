package org.hotline.notification.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void turnsEveryLineBreakAndControlCharacterOfAOneLineValueIntoASpace() {
        // given
        String hostile = "a\rb\nc\u0085d\u2028e\u2029f\u0000g\u202Eh\tі";

        // when
        String safe = SafeText.line(hostile);

        // then
        assertThat(safe).isEqualTo("a b c d e f g h і");
    }

    @Test
    void keepsParagraphsOfADescriptionButNoOtherControlCharacters() {
        // given
        String description = "First line\r\nSecond\u0007 line\rThird\u2028line";

        // when
        String safe = SafeText.text(description);

        // then
        assertThat(safe).isEqualTo("First line\nSecond  line\nThird line");
    }

    @Test
    void cutsVeryLongValuesWithoutSplittingASurrogatePair() {
        // given
        String longText = "😀".repeat(SafeText.TEXT_LIMIT);

        // when
        String safe = SafeText.text(longText);

        // then
        assertThat(safe).endsWith(" […]").hasSizeLessThanOrEqualTo(SafeText.TEXT_LIMIT + 4);
        assertThat(safe.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        assertThat(Character.isHighSurrogate(safe.charAt(safe.length() - 5))).isFalse();
    }

    @Test
    void keepsMixedScriptsIntact() {
        assertThat(SafeText.line("Қазақша Русский English العربية")).isEqualTo("Қазақша Русский English العربية");
    }

    @Test
    void flagsAddressesThatCarryLineBreaks() {
        assertThat(SafeText.hasUnsafeCharacters("a@b.example\r\nBcc: c@d.example")).isTrue();
        assertThat(SafeText.hasUnsafeCharacters("a@b.example")).isFalse();
    }
}
