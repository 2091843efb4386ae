package org.hotline.intake.complaint.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the complaint form, the page a complainant fills in ({@code hotline.intake.page.*}, docs/intake.md).
 *
 * @param quickExitUrl where the form's quick-exit button goes: a page of another site that says nothing of the
 *     hotline (a weather forecast), for a complainant who must hide the screen at once
 * @param statusPageUrl the case service's status page, linked from the receipt so that the complainant knows where
 *     the reference and tracking code are used; empty for no link (the receipt then names no address)
 */
@Validated
@ConfigurationProperties("hotline.intake.page")
public record PageProperties(
        @DefaultValue("https://www.gismeteo.kz/weather-almaty-5205/") @NotBlank String quickExitUrl,
        @DefaultValue("") String statusPageUrl) {
}
