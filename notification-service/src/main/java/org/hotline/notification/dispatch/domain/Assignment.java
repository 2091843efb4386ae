package org.hotline.notification.dispatch.domain;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One body the routing assigned to a complaint.
 *
 * @param reason why routing named the body, in English
 * @param names the body's name by language; a missing language falls back to Russian, English, then the id
 * @param answerDeadlineWorkingDays the legal answer deadline, absent where the directory states none
 * @param reasonTranslations the reason by language, where the routing rules translate it; empty otherwise
 * @param acknowledgeBy the last day the body has to confirm receipt, as routing dated it; absent in decisions
 *     from before routing dated them
 * @param answerBy the last day the body has to answer, as routing dated it; absent likewise
 */
public record Assignment(
        String authorityId,
        String authorityType,
        AssignmentRole role,
        String ruleId,
        String reason,
        Map<Language, String> names,
        String contactEmail,
        Language correspondenceLanguage,
        @Nullable Integer answerDeadlineWorkingDays,
        Map<Language, String> reasonTranslations,
        @Nullable LocalDate acknowledgeBy,
        @Nullable LocalDate answerBy) {

    public Assignment {
        names = Map.copyOf(names);
        reasonTranslations = Map.copyOf(reasonTranslations);
    }

    /** An undated assignment whose reason routing gave in English only. */
    public Assignment(String authorityId, String authorityType, AssignmentRole role, String ruleId, String reason,
            Map<Language, String> names, String contactEmail, Language correspondenceLanguage,
            @Nullable Integer answerDeadlineWorkingDays) {
        this(authorityId, authorityType, role, ruleId, reason, names, contactEmail, correspondenceLanguage,
                answerDeadlineWorkingDays, Map.of(), null, null);
    }

    /**
     * The reason in the message's language when routing translated it, else the English reason. No other
     * language stands in: a Kazakh letter quotes the English reason rather than a Russian one routing did not
     * write for it.
     */
    public String reason(Language language) {
        String translated = reasonTranslations.get(language);
        return translated == null || translated.isBlank() ? reason : translated;
    }

    public String name(Language language) {
        for (Language candidate : language.withFallbacks()) {
            String name = names.get(candidate);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return authorityId;
    }
}
