package org.hotline.routing.rules.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Why a body is named, in words a caseworker or the body itself reads. English is always there; Russian and
 * Kazakh are there when the rules file gives them, so a message to a body that corresponds in Russian or Kazakh
 * can explain itself in that language.
 */
public record Reason(String en, @Nullable String ru, @Nullable String kk) {

    /** A reason written in English only, as every rules file before translations were possible. */
    public static Reason english(String en) {
        return new Reason(en, null, null);
    }

    /**
     * Builds a reason language by language; a language whose text is null is left out.
     *
     * @param text the text in a language (kk, ru or en); must not be null for en
     */
    static Reason compose(Function<String, @Nullable String> text) {
        String en = text.apply("en");
        if (en == null) {
            throw new IllegalArgumentException("a reason needs its English text");
        }
        return new Reason(en, text.apply("ru"), text.apply("kk"));
    }

    public boolean translated() {
        return ru != null || kk != null;
    }

    /** The text in a language (kk, ru or en), or null when the reason has none in it. */
    public @Nullable String in(String language) {
        return switch (language) {
            case "en" -> en;
            case "ru" -> ru;
            case "kk" -> kk;
            default -> null;
        };
    }

    /** The texts by language, kk, ru, en in that order, leaving out the languages the reason has none in. */
    public Map<String, String> byLanguage() {
        Map<String, String> texts = new LinkedHashMap<>();
        if (kk != null) {
            texts.put("kk", kk);
        }
        if (ru != null) {
            texts.put("ru", ru);
        }
        texts.put("en", en);
        return texts;
    }
}
