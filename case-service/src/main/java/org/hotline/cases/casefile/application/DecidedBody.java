package org.hotline.cases.casefile.application;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A body as routing's decision names it (one assignment of {@code ComplaintRouted}).
 *
 * @param directoryAnswerWorkingDays the directory's answer deadline, when it states one
 */
public record DecidedBody(String authorityId, String authorityType, Map<String, String> authorityName, String role,
        String language, @Nullable Integer directoryAnswerWorkingDays) {
}
