package org.hotline.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The configured accounts as Spring Security users. */
public final class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private Accounts() {
    }

    /**
     * The accounts of {@code hotline.security.users}; a hash that is not bcrypt stops the start without being
     * printed. With none, a warning says what then refuses every caller.
     *
     * @param refusedWithoutAccounts what refuses every caller when no account is configured, for the warning
     */
    public static InMemoryUserDetailsManager userDetailsManager(List<Account> accounts,
            String refusedWithoutAccounts) {
        List<UserDetails> users = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            if (!BCRYPT.matcher(account.passwordHash()).matches()) {
                throw new IllegalStateException("hotline.security.users[" + i + "].password-hash (user "
                        + account.name() + ") is not a bcrypt hash ($2a$, $2b$ or $2y$); see docs/security.md");
            }
            users.add(User.withUsername(account.name()).password(account.passwordHash())
                    .roles(account.roles().stream().map(Enum::name).toArray(String[]::new)).build());
        }
        if (users.isEmpty()) {
            log.warn("no users in hotline.security.users: {} refuse every caller", refusedWithoutAccounts);
        }
        return new InMemoryUserDetailsManager(users);
    }
}
