package org.hotline.notification.acknowledgement.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The acknowledgement links in every email to a body ({@code hotline.notification.acknowledgement-links.*}). There
 * is no built-in key or address outside the dev and test profiles: without them the service does not start, because
 * a body's email without its link leaves the case service no way to see the body acknowledge.
 *
 * @param baseUrl the case service's public pages as a body's browser reaches them, e.g.
 *     {@code https://cases.ngo.example}; links are {@code <baseUrl>/ack/<token>}
 * @param activeKeyId the key that signs new links: one the case service holds too
 * @param keys the link keys by id, each at least 32 random bytes in base64, the same values as the case service's
 *     {@code hotline.cases.acknowledgement.keys}; set them from the environment
 *     ({@code HOTLINE_NOTIFICATION_ACKNOWLEDGEMENTLINKS_KEYS_<ID>=...}), never in a committed file. Only the active
 *     one signs; the others may stay during a rotation.
 * @param linkValidity how long a link works after its email is sent: the case service refuses it afterwards. 60 days
 *     covers the longest answer deadline with a margin.
 */
@Validated
@ConfigurationProperties("hotline.notification.acknowledgement-links")
public record AcknowledgementLinkProperties(
        @NotBlank @Pattern(regexp = "https?://[^\\s?#]+", message = "must be an http(s) address without query")
        String baseUrl,
        @NotBlank String activeKeyId,
        @NotEmpty Map<String, String> keys,
        @DefaultValue("60d") @NotNull Duration linkValidity) {
}
