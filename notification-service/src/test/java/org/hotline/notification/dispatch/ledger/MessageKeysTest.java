package org.hotline.notification.dispatch.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MessageKeysTest {

    private static final String ID = "3f2c8a1e-5b7d-3c4e-9a0b-1c2d3e4f5a6b@notification.hotline.invalid";

    @Test
    void keepsAPlannedMessagesIdAsItsUuidAndOneSharedDomain() {
        // given
        MessageKeys keys = new MessageKeys();

        // when
        Object first = keys.of(ID);
        Object again = keys.of(new String(ID));

        // then
        assertThat(first).isInstanceOf(MessageKeys.Compact.class).isEqualTo(again).hasSameHashCodeAs(again);
        MessageKeys.Compact compact = (MessageKeys.Compact) first;
        assertThat(new UUID(compact.mostSignificantBits(), compact.leastSignificantBits()))
                .hasToString("3f2c8a1e-5b7d-3c4e-9a0b-1c2d3e4f5a6b");
        assertThat(compact.domain()).isSameAs(((MessageKeys.Compact) again).domain());
    }

    @Test
    void tellsApartIdsThatDifferOnlyInTheirDomainOrTheirUuid() {
        // given
        MessageKeys keys = new MessageKeys();

        // when / then
        assertThat(keys.of(ID)).isNotEqualTo(keys.of(ID.replace("@notification.hotline.invalid", "@ngo.example")));
        assertThat(keys.of(ID)).isNotEqualTo(keys.of(ID.replace("6b@", "6c@")));
    }

    @Test
    void keepsAnIdOfAnyOtherFormAsItIs() {
        // given
        MessageKeys keys = new MessageKeys();
        String upperCase = ID.substring(0, 36).toUpperCase() + ID.substring(36);
        String unpadded = "000000001-002-0003-0004-000000000005" + ID.substring(36);

        // when / then: UUID.fromString reads both as UUIDs, the first the same as ID's, yet they are other ids
        assertThat(keys.of(upperCase)).isEqualTo(upperCase).isNotEqualTo(keys.of(ID));
        assertThat(keys.of(unpadded)).isEqualTo(unpadded);
        String notUuid = "not-a-uuid-but-thirty-six-characters@x";
        assertThat(keys.of(notUuid)).isEqualTo(notUuid);
        assertThat(keys.of(ID.substring(0, 37))).isEqualTo(ID.substring(0, 37));
        assertThat(keys.of("short@notification.hotline.invalid")).isEqualTo("short@notification.hotline.invalid");
    }

    @Test
    void sharesAtMostSixteenDomainsAndKeepsTheIdsOfAnyFurtherOneAsTheyAre() {
        // given
        MessageKeys keys = new MessageKeys();
        IntStream.range(0, 16).forEach(i -> keys.of(ID.replace("notification.hotline.invalid", "d" + i + ".example")));

        // when
        String seventeenth = ID.replace("notification.hotline.invalid", "d16.example");

        // then
        assertThat(keys.of(seventeenth)).isEqualTo(seventeenth);
        assertThat(keys.of(ID.replace("notification.hotline.invalid", "d3.example")))
                .isInstanceOf(MessageKeys.Compact.class);
    }
}
