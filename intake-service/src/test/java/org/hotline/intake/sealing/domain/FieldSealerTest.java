package org.hotline.intake.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSealerTest {

    private static final byte[] KEY_1 = filled(1);
    private static final byte[] KEY_2 = filled(2);
    private static final byte[] SECRET = "Айгуль, +7 701 123 4567".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWhatItSealedAndShowsNothingOfItInTheCiphertext() {
        FieldSealer sealer = new FieldSealer("k1", Map.of("k1", KEY_1));

        SealedValue sealed = sealer.seal(SECRET, "complaint-1/complainant");

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.algorithm()).isEqualTo("A256GCM");
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.UTF_8))
                .doesNotContain("701");
        assertThat(sealer.open(sealed, "complaint-1/complainant")).isEqualTo(SECRET);
    }

    @Test
    void sealsUnderAComplaintsDataKeyWhichOnlyThatKeyOpensAndWhichTravelsWrappedUnderTheServiceKey() {
        // given a complaint's fresh data key, and the service key that wraps it
        FieldSealer sealer = new FieldSealer("k1", Map.of("k1", KEY_1));
        byte[] dataKey = sealer.newDataKey();

        // when a field is sealed under the data key, and the data key wrapped
        SealedValue sealed = sealer.seal(dataKey, SECRET, "complaint-1/complainant");
        SealedValue wrapped = sealer.wrap(dataKey, "keys/complaint-1");

        // then the value names the complaint's key, opens with the unwrapped key, and with nothing else
        assertThat(sealed.keyId()).isEqualTo(SealedValue.COMPLAINT_KEY);
        assertThat(wrapped.keyId()).isEqualTo("k1");
        byte[] unwrapped = sealer.open(wrapped, "keys/complaint-1");
        assertThat(sealer.open(unwrapped, sealed, "complaint-1/complainant")).isEqualTo(SECRET);
        assertThatThrownBy(() -> sealer.open(sealed, "complaint-1/complainant")).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> sealer.open(sealer.newDataKey(), sealed, "complaint-1/complainant"))
                .isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> sealer.open(wrapped, "keys/complaint-2")).isInstanceOf(SealingException.class);
        assertThat(sealer.newDataKey()).hasSize(32).isNotEqualTo(dataKey);
    }

    @Test
    void usesAFreshNonceForEverySeal() {
        FieldSealer sealer = new FieldSealer("k1", Map.of("k1", KEY_1));

        assertThat(sealer.seal(SECRET, "c").iv()).isNotEqualTo(sealer.seal(SECRET, "c").iv());
    }

    @Test
    void refusesToOpenWithTheWrongKey() {
        SealedValue sealed = new FieldSealer("k1", Map.of("k1", KEY_1)).seal(SECRET, "c");
        FieldSealer impostor = new FieldSealer("k1", Map.of("k1", KEY_2));

        assertThatThrownBy(() -> impostor.open(sealed, "c"))
                .isInstanceOf(SealingException.class).hasMessageContaining("does not open");
    }

    @Test
    void refusesAValueMovedToAnotherComplaint() {
        FieldSealer sealer = new FieldSealer("k1", Map.of("k1", KEY_1));
        SealedValue sealed = sealer.seal(SECRET, "complaint-1/complainant");

        assertThatThrownBy(() -> sealer.open(sealed, "complaint-2/complainant")).isInstanceOf(SealingException.class);
    }

    @Test
    void refusesATamperedCiphertext() {
        FieldSealer sealer = new FieldSealer("k1", Map.of("k1", KEY_1));
        SealedValue sealed = sealer.seal(SECRET, "c");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;
        SealedValue tampered = new SealedValue(sealed.keyId(), sealed.algorithm(), sealed.iv(),
                Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> sealer.open(tampered, "c")).isInstanceOf(SealingException.class);
    }

    @Test
    void opensValuesSealedWithARetiredKeyDuringRotation() {
        SealedValue old = new FieldSealer("k1", Map.of("k1", KEY_1)).seal(SECRET, "c");
        FieldSealer rotated = new FieldSealer("k2", Map.of("k1", KEY_1, "k2", KEY_2));

        assertThat(rotated.open(old, "c")).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, "c").keyId()).isEqualTo("k2");
    }

    @Test
    void namesAnUnknownKeyId() {
        SealedValue sealed = new FieldSealer("k9", Map.of("k9", KEY_1)).seal(SECRET, "c");

        assertThatThrownBy(() -> new FieldSealer("k1", Map.of("k1", KEY_1)).open(sealed, "c"))
                .hasMessageContaining("'k9'");
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new FieldSealer("k1", Map.of("k1", new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldSealer("k2", Map.of("k1", KEY_1)))
                .hasMessageContaining("not among the keys");
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
