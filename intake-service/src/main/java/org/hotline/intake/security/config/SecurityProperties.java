package org.hotline.intake.security.config;

import jakarta.validation.Valid;
import java.util.List;
import org.hotline.web.security.Account;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the management port beyond the probes ({@code hotline.security.*}). There is no default user: with
 * none configured health details and metrics refuse everyone, and only the dev profile defines a (public,
 * documented) one. The roles are those of every service, so that one list can serve all of them; here only OPS
 * opens anything (health details and metrics on the management port).
 *
 * @param users the accounts allowed in with HTTP Basic; each has a bcrypt hash, never a password
 * @param allowedOrigins origins besides the intake's own from which the complaint form may be posted: the public
 *     origin of the form when a proxy in front does not pass the {@code Host} through (docs/security.md)
 */
@Validated
@ConfigurationProperties("hotline.security")
public record SecurityProperties(
        @DefaultValue @Valid List<Account> users,
        @DefaultValue List<String> allowedOrigins) {
}
