package org.hotline.cases.sealing.config;

import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that open the complainant block of events ({@code hotline.sealing.*}), the same configuration as
 * intake's and notification's. There is no built-in key outside the dev and test profiles: without keys the
 * service does not start.
 *
 * @param keys every key that may open events, by id, each 32 random bytes in base64; set them from the
 *     environment as {@code HOTLINE_SEALING_KEYS_<ID>=...}, never in a committed file. Keep every key intake used
 *     for events still retained, or those complaints get no tracking code and their status cannot be asked for.
 */
@Validated
@ConfigurationProperties("hotline.sealing")
public record SealingProperties(@NotEmpty Map<String, String> keys) {
}
