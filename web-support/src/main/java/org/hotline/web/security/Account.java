package org.hotline.web.security;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

/**
 * One account of {@code hotline.security.users}, the same in every service so that one list can serve all of them.
 *
 * @param name the principal, as it appears in routing's audit trail (letters, digits and {@code . _ @ -})
 * @param passwordHash the bcrypt hash of the password ({@code $2a$}, {@code $2b$} or {@code $2y$}, e.g. from
 *     {@code htpasswd -nbBC 12 "" 'password' | cut -d: -f2}); anything else is refused at start by {@link
 *     Accounts#userDetailsManager}, without printing the value (it may be a password pasted by mistake)
 * @param roles what the account may do; each service's {@code SecurityProperties} says which roles open what there
 */
public record Account(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String name,
        @NotNull String passwordHash,
        @NotEmpty Set<Role> roles) {

    /** The roles of docs/security.md. */
    public enum Role {
        STAFF, ADMIN, OPS
    }
}
