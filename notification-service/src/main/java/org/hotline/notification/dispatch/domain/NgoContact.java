package org.hotline.notification.dispatch.domain;

import java.util.Map;

/**
 * The operating NGO, as the messages present it.
 *
 * @param names the NGO's name by language
 * @param caseworkerMailbox where decisions, fallbacks and failures are reported
 * @param caseworkerLanguage the language of those reports
 * @param fromAddress the sender address of every message
 */
public record NgoContact(Map<Language, String> names, String email, String phone, String caseworkerMailbox,
        Language caseworkerLanguage, String fromAddress) {

    public NgoContact {
        names = Map.copyOf(names);
    }

    public String name(Language language) {
        for (Language candidate : language.withFallbacks()) {
            String name = names.get(candidate);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return email;
    }
}
