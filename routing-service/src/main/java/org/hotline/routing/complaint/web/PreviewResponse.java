package org.hotline.routing.complaint.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.hotline.routing.rules.domain.Assignment;
import org.hotline.routing.rules.domain.Decision;

/** The decision the service would make, as {@code POST /api/v1/routing/preview} answers it. */
record PreviewResponse(List<PreviewAssignment> assignments, boolean fallback, String rulesVersion) {

    static PreviewResponse of(Decision decision) {
        return new PreviewResponse(decision.assignments().stream().map(PreviewAssignment::of).toList(),
                decision.fallback(), decision.rulesVersion());
    }

    /**
     * One body of the decision; the first is the PRIMARY.
     *
     * @param reasonTranslations the reason by language (kk, ru, en) when the rule translates it, else null
     */
    record PreviewAssignment(String authorityId, String authorityType, String level, String jurisdiction, String role,
            String ruleId, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, String> reasonTranslations,
            String authorityName, String contactEmail) {

        static PreviewAssignment of(Assignment assignment) {
            return new PreviewAssignment(assignment.authority().id(), assignment.authority().type().name(),
                    assignment.authority().level().name(), assignment.jurisdiction(), assignment.role().name(),
                    assignment.ruleId(), assignment.reason().en(),
                    assignment.reason().translated() ? assignment.reason().byLanguage() : null,
                    assignment.authority().name().en(),
                    assignment.authority().contactEmail());
        }
    }
}
