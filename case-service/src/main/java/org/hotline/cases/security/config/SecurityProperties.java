package org.hotline.cases.security.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the management port beyond the probes and the caseworker endpoint, and which other sites may post
 * to the public pages ({@code hotline.security.*}). There is no default user: with none configured health details,
 * metrics and the caseworker endpoint refuse everyone, and only the dev profile defines (public, documented) ones.
 * The roles are those of every service, so that one list can serve all; here OPS and STAFF open something.
 *
 * @param users the accounts allowed in with HTTP Basic; each has a bcrypt hash, never a password
 * @param allowedOrigins origins (scheme://host[:port]) of browser pages allowed to POST besides the service's own
 *     (the {@code Host} a request was sent to); any other {@code Origin} is refused. Add the public address of the
 *     acknowledgement pages here when a proxy in front of the service does not pass the {@code Host} through.
 */
@Validated
@ConfigurationProperties("hotline.security")
public record SecurityProperties(
        @DefaultValue @Valid List<User> users,
        @DefaultValue List<String> allowedOrigins) {

    /**
     * One account.
     *
     * @param name the principal (letters, digits and {@code . _ @ -})
     * @param passwordHash the bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$}, e.g. from
     *     {@code htpasswd -nbBC 12 "" 'password' | cut -d: -f2}); anything else is refused at start, without
     *     printing the value (it may be a password pasted by mistake)
     * @param roles what the account may do; here OPS (health details and metrics on the management port) and
     *     STAFF (recording a body's acknowledgement or answer; ADMIN implies it)
     */
    public record User(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String name,
            @NotNull String passwordHash,
            @NotEmpty Set<Role> roles) {
    }

    /** The roles of docs/security.md. */
    public enum Role {
        STAFF, ADMIN, OPS
    }
}
