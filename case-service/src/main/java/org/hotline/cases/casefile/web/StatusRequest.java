package org.hotline.cases.casefile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.jspecify.annotations.Nullable;

/** The complainant's question, as the receipt of intake's 202 gave them both values. */
@Schema(description = "The two values of the intake's receipt. Each is required, not blank, and at most "
        + StatusController.MAX_LENGTH + " characters; case and surrounding spaces do not matter.",
        example = "{\"reference\": \"HL-7F3K-9QX2-ABCD\", \"trackingCode\": \"K7QF-2MXD-9RTB-4HWN\"}")
record StatusRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = StatusController.MAX_LENGTH,
                description = "The complaint's reference", example = "HL-7F3K-9QX2-ABCD")
        @Nullable String reference,
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = StatusController.MAX_LENGTH,
                description = "The complainant's secret tracking code", example = "K7QF-2MXD-9RTB-4HWN")
        @Nullable String trackingCode) {
}
