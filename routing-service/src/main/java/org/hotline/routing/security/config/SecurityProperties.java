package org.hotline.routing.security.config;

import jakarta.validation.Valid;
import java.util.List;
import org.hotline.web.security.Account;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the service ({@code hotline.security.*}). There is no default user: with none configured every
 * staff, admin and ops endpoint refuses everyone, and only the dev profile defines (public, documented) users.
 *
 * @param users the accounts allowed in with HTTP Basic; each has a bcrypt hash, never a password. Their roles here:
 *     STAFF (routing preview), ADMIN (directory reload and everything STAFF may), OPS (health details and metrics
 *     on the management port)
 * @param allowedOrigins origins (scheme://host[:port]) of browser pages allowed to POST to the staff endpoints
 *     besides the service's own; any other {@code Origin} is refused, so that a page elsewhere cannot use the
 *     Basic credentials a caseworker's browser holds (docs/security.md)
 */
@Validated
@ConfigurationProperties("hotline.security")
public record SecurityProperties(
        @DefaultValue @Valid List<Account> users,
        @DefaultValue List<String> allowedOrigins) {
}
