package org.hotline.cases.console.domain;

import org.jspecify.annotations.Nullable;

/**
 * What the complainant gave of themselves and in their own words, opened for a caseworker in the console and never
 * kept: the sealed {@code complainant} block and {@code incident.description} of the complaint's
 * {@code ComplaintReceived} (docs/events.md, "Sealed values"). A value the complainant did not give is null.
 *
 * @param mode {@code CONFIDENTIAL} or {@code OPEN}: an {@code ANONYMOUS} complaint is never opened
 * @param preferredLanguage {@code kk}, {@code ru} or {@code en}
 * @param statement the complainant's account of what happened
 */
public record Disclosure(String mode, @Nullable String name, @Nullable String email, @Nullable String phone,
        @Nullable String preferredLanguage, boolean consentToContact, String statement) {

    /** The identity modes whose complainant a caseworker may see: ANONYMOUS left nothing to see. */
    public static boolean opens(String mode) {
        return "CONFIDENTIAL".equals(mode) || "OPEN".equals(mode);
    }

    /** Never the values: this record may reach a log through an exception's message. */
    @Override
    public String toString() {
        return "Disclosure[mode=" + mode + "]";
    }
}
