package org.hotline.cases.security.config;

import jakarta.validation.Valid;
import java.util.List;
import org.hotline.web.security.Account;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the management port beyond the probes, and which other sites may post to the public pages
 * ({@code hotline.security.*}). There is no default user: with none configured health details and metrics refuse
 * everyone, and only the dev profile defines a (public, documented) one. The roles are those of every service, so
 * that one list can serve all; here only OPS opens anything.
 *
 * @param users the accounts allowed in with HTTP Basic; each has a bcrypt hash, never a password
 * @param allowedOrigins origins (scheme://host[:port]) of browser pages allowed to POST besides the service's own
 *     (the {@code Host} a request was sent to); any other {@code Origin} is refused. Add the public address of the
 *     acknowledgement pages here when a proxy in front of the service does not pass the {@code Host} through.
 */
@Validated
@ConfigurationProperties("hotline.security")
public record SecurityProperties(
        @DefaultValue @Valid List<Account> users,
        @DefaultValue List<String> allowedOrigins) {
}
