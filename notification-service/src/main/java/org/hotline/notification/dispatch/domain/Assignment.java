package org.hotline.notification.dispatch.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One body the routing assigned to a complaint.
 *
 * @param names the body's name by language; a missing language falls back to Russian, English, then the id
 * @param answerDeadlineWorkingDays the legal answer deadline, absent where the directory states none
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
        @Nullable Integer answerDeadlineWorkingDays) {

    public Assignment {
        names = Map.copyOf(names);
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
