package org.hotline.notification.sealing.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that open the complainant's identity and the description in events ({@code hotline.sealing.*}),
 * the same configuration as intake's. There is no built-in key outside the dev and test profiles.
 *
 * @param activeKeyId the key that seals what this service keeps on disk (its outbox); must be among the keys
 * @param keys every key that may open events, by id, each 32 random bytes in base64; set them from the
 *     environment as {@code HOTLINE_SEALING_KEYS_<ID>=...}, never in a committed file. Keep every key intake
 *     used for events still retained, or those events go to the dead-letter topic.
 */
@Validated
@ConfigurationProperties("hotline.sealing")
public record SealingProperties(@NotBlank String activeKeyId, @NotEmpty Map<String, String> keys) {
}
