package org.hotline.cases.acknowledgement.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The acknowledgement links ({@code hotline.cases.acknowledgement.*}). There is no built-in key outside the dev
 * and test profiles: without keys the service does not start.
 *
 * @param activeKeyId the key that signs new links; must be among the keys
 * @param keys every key that may check a link, by id, each at least 32 random bytes in base64; set them from the
 *     environment ({@code HOTLINE_CASES_ACKNOWLEDGEMENT_KEYS_<ID>=...}), never in a committed file. Keep a retired
 *     key until the links it signed have expired.
 * @param linkValidity how long a link works after it is made; a body that finds an old email past it asks the
 *     hotline for a new link. 60 days covers the longest answer deadline with a margin.
 * @param sendTimeout how long a confirmation waits for the broker before the page asks the body to retry
 */
@Validated
@ConfigurationProperties("hotline.cases.acknowledgement")
public record AcknowledgementProperties(
        @NotBlank String activeKeyId,
        @NotEmpty Map<String, String> keys,
        @DefaultValue("60d") @NotNull Duration linkValidity,
        @DefaultValue("10s") @NotNull Duration sendTimeout) {
}
