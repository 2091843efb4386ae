package org.hotline.intake.sealing.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that seal the complainant's identity and the description in events ({@code hotline.sealing.*}).
 * There is no built-in key outside the dev and test profiles: a production start without keys fails.
 *
 * @param activeKeyId the id of the key that seals new events; it travels beside each ciphertext
 * @param keys every key that may open events, by id, each 32 random bytes in base64 (for example from
 *     {@code openssl rand -base64 32}); set them from the environment as
 *     {@code HOTLINE_SEALING_KEYS_<ID>=...}, never in a committed file
 */
@Validated
@ConfigurationProperties("hotline.sealing")
public record SealingProperties(@NotBlank String activeKeyId, @NotEmpty Map<String, String> keys) {
}
