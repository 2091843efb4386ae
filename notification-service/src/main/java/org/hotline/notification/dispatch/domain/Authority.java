package org.hotline.notification.dispatch.domain;

import java.util.Map;

/**
 * A body of the routing directory, as letters to it need it: its names, address and language.
 *
 * @param type the directory's authority type ({@code POLICE}, {@code PROSECUTOR}, ...)
 * @param names the body's name by language; a missing language falls back to Russian, English, then the id
 */
public record Authority(String id, String type, Map<Language, String> names, String contactEmail,
        Language correspondenceLanguage) {

    public Authority {
        names = Map.copyOf(names);
    }

    public String name(Language language) {
        for (Language candidate : language.withFallbacks()) {
            String name = names.get(candidate);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return id;
    }
}
