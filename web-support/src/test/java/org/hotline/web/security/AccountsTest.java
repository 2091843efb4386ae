package org.hotline.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class AccountsTest {

    /** A well-formed bcrypt hash (cost 4). */
    private static final String HASH = "$2a$04$nt9yRdWi6nmp5YbGCp/VKORzDzG8Rq7zDPh0HKkHNgdnQlOBoEa2u";

    @Test
    void makesEachAccountAUserWithItsRoles() {
        var users = Accounts.userDetailsManager(
                List.of(new Account("aida", HASH, Set.of(Account.Role.ADMIN, Account.Role.OPS))), "everything");

        assertThat(users.loadUserByUsername("aida").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPS");
    }

    @Test
    void refusesAHashThatIsNotBcryptWithoutPrintingIt() {
        List<Account> accounts = List.of(new Account("aida", HASH, Set.of(Account.Role.OPS)),
                new Account("bolat", "hunter2", Set.of(Account.Role.OPS)));

        assertThatThrownBy(() -> Accounts.userDetailsManager(accounts, "everything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hotline.security.users[1].password-hash (user bolat)")
                .message().doesNotContain("hunter2");
    }
}
