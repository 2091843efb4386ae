package org.hotline.routing.complaint.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.Map;
import org.hotline.routing.directory.domain.AuthorityType;
import org.hotline.routing.directory.domain.Level;
import org.hotline.routing.rules.domain.Assignment;
import org.hotline.routing.rules.domain.Decision;
import org.hotline.routing.rules.domain.Role;
import org.jspecify.annotations.Nullable;

/** The decision the service would make, as {@code POST /api/v1/routing/preview} answers it. */
@Schema(description = "The decision the service would make with the directory loaded now")
record PreviewResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The bodies, the PRIMARY first")
        List<PreviewAssignment> assignments,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "No rule matched: the fallback body was chosen")
        boolean fallback,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The directory's version with a digest of its "
                + "files", example = "kz-sample-2026.11@3f2a9c1e")
        String rulesVersion) {

    static PreviewResponse of(Decision decision) {
        return new PreviewResponse(decision.assignments().stream().map(PreviewAssignment::of).toList(),
                decision.fallback(), decision.rulesVersion());
    }

    /**
     * One body of the decision; the first is the PRIMARY.
     *
     * @param reasonTranslations the reason by language (kk, ru, en) when the rule translates it, else null
     */
    @Schema(description = "One body of the decision")
    record PreviewAssignment(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "kz-39-police") String authorityId,
            @Schema(requiredMode = RequiredMode.REQUIRED) AuthorityType authorityType,
            @Schema(requiredMode = RequiredMode.REQUIRED) Level level,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The unit whose body it is",
                    example = "KZ-39") String jurisdiction,
            @Schema(requiredMode = RequiredMode.REQUIRED) Role role,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The rule that chose it",
                    example = "extortion-by-public-official") String ruleId,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Why, in English") String reason,
            @Schema(description = "The reason by language (kk, ru, en), when the rule translates it")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, String> reasonTranslations,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "The body's name in English")
            String authorityName,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "email") String contactEmail) {

        static PreviewAssignment of(Assignment assignment) {
            return new PreviewAssignment(assignment.authority().id(), assignment.authority().type(),
                    assignment.authority().level(), assignment.jurisdiction(), assignment.role(),
                    assignment.ruleId(), assignment.reason().en(),
                    assignment.reason().translated() ? assignment.reason().byLanguage() : null,
                    assignment.authority().name().en(),
                    assignment.authority().contactEmail());
        }
    }
}
