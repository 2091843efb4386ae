package org.hotline.notification.dispatch.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the hotline writes in. Russian, then English, stand in for a missing translation. */
public enum Language {
    KK, RU, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> fromCode(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** This language, then Russian, then English, without repeats: the order in which translations are tried. */
    public List<Language> withFallbacks() {
        List<Language> order = new ArrayList<>(List.of(this));
        for (Language fallback : List.of(RU, EN)) {
            if (!order.contains(fallback)) {
                order.add(fallback);
            }
        }
        return List.copyOf(order);
    }
}
