package org.hotline.cases.casefile.application;

import java.util.Map;
import org.hotline.deadlines.domain.Deadlines;
import org.jspecify.annotations.Nullable;

/**
 * A body as routing's decision names it (one assignment of {@code ComplaintRouted}).
 *
 * @param directoryAnswerWorkingDays the directory's answer deadline, when it states one
 * @param dated the dates routing gave the body ({@code acknowledgeBy} and {@code answerBy}), which its email
 *     states; absent in decisions routed before routing dated them
 */
public record DecidedBody(String authorityId, String authorityType, Map<String, String> authorityName, String role,
        String language, @Nullable Integer directoryAnswerWorkingDays, @Nullable Deadlines dated) {
}
