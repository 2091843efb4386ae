package org.hotline.intake.complaint.domain;

import java.util.Arrays;
import java.util.Optional;

/** A language the hotline works in, written on the wire as its ISO 639-1 code. */
public enum Language {
    KK("kk"),
    RU("ru"),
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }
}
