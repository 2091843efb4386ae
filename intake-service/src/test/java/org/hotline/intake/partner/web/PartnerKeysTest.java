package org.hotline.intake.partner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hotline.web.ratelimit.Rate;
import org.junit.jupiter.api.Test;

class PartnerKeysTest {

    private static final Partner ALMATY = new Partner("ngo-almaty", new Rate(600, Duration.ofMinutes(1), 60));
    private static final Partner KOSTANAY = new Partner("ngo-kostanay", new Rate(600, Duration.ofMinutes(1), 60));

    @Test
    void findsThePartnerByItsKeyAndByTheKeysItIsMovingAwayFrom() {
        PartnerKeys keys = new PartnerKeys(List.of(
                new PartnerKeys.Configured(ALMATY, hash("new-key"), List.of(hash("old-key"), hash("older-key"))),
                new PartnerKeys.Configured(KOSTANAY, hash("kostanay-key"), List.of())));

        assertThat(keys.find("new-key")).isEqualTo(new PartnerKeys.Found(ALMATY, false, false));
        assertThat(keys.find("old-key")).isEqualTo(new PartnerKeys.Found(ALMATY, true, false));
        assertThat(keys.find("older-key")).isEqualTo(new PartnerKeys.Found(ALMATY, true, false));
        assertThat(keys.find("kostanay-key")).isEqualTo(new PartnerKeys.Found(KOSTANAY, false, false));
        assertThat(keys.find("old-key ")).isNull();
    }

    @Test
    void marksAWithdrawnKeyAsItsPartnersAndWithdrawnUntilTheListNoLongerNamesIt() {
        PartnerKeys keys = new PartnerKeys(List.of(
                new PartnerKeys.Configured(ALMATY, hash("new-key"), List.of(hash("old-key"))),
                new PartnerKeys.Configured(KOSTANAY, hash("kostanay-key"), List.of())));

        keys.withdraw(Set.of(hash("old-key"), hash("nobodys-key")));

        assertThat(keys.find("old-key")).isEqualTo(new PartnerKeys.Found(ALMATY, true, true));
        assertThat(keys.find("new-key")).isEqualTo(new PartnerKeys.Found(ALMATY, false, false));
        assertThat(keys.find("nobodys-key")).isNull();
        assertThat(keys.withdrawnCount()).isEqualTo(2);

        keys.withdraw(Set.of());
        assertThat(keys.find("old-key")).isEqualTo(new PartnerKeys.Found(ALMATY, true, false));
    }

    @Test
    void refusesAKeyThatTwoPartnersWouldShareEvenAsAPreviousKey() {
        assertThatThrownBy(() -> new PartnerKeys(List.of(
                new PartnerKeys.Configured(ALMATY, hash("new-key"), List.of(hash("shared"))),
                new PartnerKeys.Configured(KOSTANAY, hash("shared"), List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ngo-kostanay").hasMessageContaining("ngo-almaty");
        assertThatThrownBy(() -> new PartnerKeys(List.of(
                new PartnerKeys.Configured(ALMATY, hash("new-key"), List.of(hash("new-key"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(Partner.sha256(key));
    }
}
