package org.hotline.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComplaintIdentitiesTest {

    private final ComplaintIdentities identities =
            new ComplaintIdentities("a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8));
    private final ComplaintValidator validator = new ComplaintValidator(Clock.systemUTC());

    @Test
    void derivesTheSameIdFromTheSameIdempotencyKeyAcrossInstances() {
        ComplaintIdentities restarted =
                new ComplaintIdentities("a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8));

        assertThat(restarted.complaintId("key-1")).isEqualTo(identities.complaintId("key-1"));
        assertThat(identities.complaintId("key-1")).isNotEqualTo(identities.complaintId("key-2"));
        assertThat(identities.complaintId("key-1").version()).isEqualTo(8);
    }

    @Test
    void scopesAPartnersIdempotencyKeysToThatPartner() {
        UUID publicKey = identities.complaintId("key-1");
        UUID almaty = identities.complaintId("ngo-almaty", "key-1");

        assertThat(identities.complaintId(null, "key-1")).isEqualTo(publicKey);
        assertThat(almaty).isNotEqualTo(publicKey).isEqualTo(identities.complaintId("ngo-almaty", "key-1"));
        assertThat(identities.complaintId("ngo-kostanay", "key-1")).isNotEqualTo(almaty).isNotEqualTo(publicKey);
        assertThat(almaty.version()).isEqualTo(8);
    }

    @Test
    void namesFurtherIdsForAKeyWhoseFirstIsTheIdOfTheKeyAlone() {
        // given a key, as the lanes try it for an id in their partitions
        UUID first = identities.complaintId("ngo-almaty", "key-1", 0);
        UUID second = identities.complaintId("ngo-almaty", "key-1", 1);

        // then the first attempt is the id that key always had, and the others are new, the same on every call
        assertThat(first).isEqualTo(identities.complaintId("ngo-almaty", "key-1"));
        assertThat(second).isNotEqualTo(first).isEqualTo(identities.complaintId("ngo-almaty", "key-1", 1));
        assertThat(second.version()).isEqualTo(8);
        assertThat(identities.complaintId(null, "key-1", 1)).isNotEqualTo(second);
    }

    @Test
    void givesARandomVersion4IdWithoutAKey() {
        UUID first = identities.complaintId(null);

        assertThat(first.version()).isEqualTo(4);
        assertThat(identities.complaintId(null)).isNotEqualTo(first);
    }

    @Test
    void derivesDifferentIdsUnderADifferentSecret() {
        ComplaintIdentities other =
                new ComplaintIdentities("another-secret-of-thirty-two-bytes-long".getBytes(StandardCharsets.UTF_8));

        assertThat(other.complaintId("key-1")).isNotEqualTo(identities.complaintId("key-1"));
    }

    @Test
    void writesReferencesAndTrackingCodesInCrockfordBase32Groups() {
        UUID id = identities.complaintId("key-1");

        assertThat(identities.reference(id)).matches("HL-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(identities.trackingCode(id)).matches("([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(identities.trackingCode(id)).isEqualTo(identities.trackingCode(id));
        assertThat(identities.trackingCode(id)).isNotEqualTo(identities.trackingCode(identities.complaintId("key-2")));
    }

    @Test
    void fingerprintsTellARetryFromAChangedComplaint() {
        Complaint original = validator.validate(Forms.almatyAnalyst());
        Complaint same = validator.validate(Forms.almatyAnalyst());
        ComplaintForm base = Forms.almatyAnalyst();
        Complaint otherPhone = validator.validate(new ComplaintForm(base.channel(), base.language(), base.incident(),
                base.location(), base.workplace(), base.accused(), base.victim(), base.risk(),
                new ComplaintForm.Complainant("OPEN", "Dana", "dana@example.org", "+7 701 000 0000", "en", true)));

        assertThat(identities.fingerprint(same)).isEqualTo(identities.fingerprint(original));
        assertThat(identities.fingerprint(otherPhone)).isNotEqualTo(identities.fingerprint(original));
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new ComplaintIdentities(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
