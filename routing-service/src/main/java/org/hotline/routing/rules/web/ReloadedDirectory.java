package org.hotline.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The answer of a reload that took: the directory now in use. */
@Schema(description = "The directory now in use")
record ReloadedDirectory(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The rules' version with a digest of the files, as "
                + "every decision states it", example = "kz-sample-2026.11@3f2a9c1e")
        String rulesVersion,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Administrative units", example = "243")
        int units,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Authorities", example = "57")
        int authorities,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Routing rules", example = "31")
        int rules) {
}
