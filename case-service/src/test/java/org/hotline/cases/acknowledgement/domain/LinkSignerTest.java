package org.hotline.cases.acknowledgement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LinkSignerTest {

    private static final byte[] KEY = "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final UUID COMPLAINT = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");
    private static final AcknowledgementLink LINK = new AcknowledgementLink(COMPLAINT, "HL-7F3K-9QX2-ABCD",
            "kz-39-police", LinkPurpose.ACKNOWLEDGE, NOW.plusSeconds(3600));

    private final LinkSigner signer = new LinkSigner("k1", Map.of("k1", KEY));

    private static RefusedLinkException.Reason reason(Runnable verify) {
        try {
            verify.run();
        } catch (RefusedLinkException e) {
            return e.reason();
        }
        throw new AssertionError("the link was accepted");
    }

    @Test
    void givesBackEverythingALinkWasSignedFor() {
        assertThat(signer.verify(signer.sign(LINK), LinkPurpose.ACKNOWLEDGE, NOW)).isEqualTo(LINK);
    }

    @Test
    void refusesALinkWhoseBodyWasChangedToAnother() {
        String token = signer.sign(LINK);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String otherBody = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("kz-39-police", "kz-39-prosecutor").getBytes(StandardCharsets.UTF_8));

        assertThat(reason(() -> signer.verify(otherBody + token.substring(token.indexOf('.')), LinkPurpose.ACKNOWLEDGE,
                NOW))).isEqualTo(RefusedLinkException.Reason.NOT_VALID);
    }

    @Test
    void refusesATamperedSignatureAGarbledTokenAndALinkSignedWithAnotherKey() {
        String token = signer.sign(LINK);
        String flipped = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        LinkSigner stranger = new LinkSigner("k1", Map.of("k1", "another key of at least thirty-two bytes"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(reason(() -> signer.verify(flipped, LinkPurpose.ACKNOWLEDGE, NOW)))
                .isEqualTo(RefusedLinkException.Reason.NOT_VALID);
        assertThat(reason(() -> signer.verify("not-a-token", LinkPurpose.ACKNOWLEDGE, NOW)))
                .isEqualTo(RefusedLinkException.Reason.NOT_VALID);
        assertThat(reason(() -> signer.verify(stranger.sign(LINK), LinkPurpose.ACKNOWLEDGE, NOW)))
                .isEqualTo(RefusedLinkException.Reason.NOT_VALID);
    }

    @Test
    void refusesALinkFromTheMomentItExpires() {
        String token = signer.sign(LINK);

        assertThat(signer.verify(token, LinkPurpose.ACKNOWLEDGE, LINK.expiresAt().minusSeconds(1))).isEqualTo(LINK);
        assertThat(reason(() -> signer.verify(token, LinkPurpose.ACKNOWLEDGE, LINK.expiresAt())))
                .isEqualTo(RefusedLinkException.Reason.EXPIRED);
    }

    @Test
    void refusesALinkSignedForAnotherPurpose() throws Exception {
        String payload = String.join("\n", "v1", "k1", COMPLAINT.toString(), "HL-7F3K-9QX2-ABCD", "kz-39-police",
                "ANSWER", String.valueOf(NOW.plusSeconds(3600).getEpochSecond()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        String answerLink = base64.encodeToString(bytes) + "." + base64.encodeToString(mac.doFinal(bytes));

        assertThat(reason(() -> signer.verify(answerLink, LinkPurpose.ACKNOWLEDGE, NOW)))
                .isEqualTo(RefusedLinkException.Reason.NOT_VALID);
    }

    @Test
    void checksLinksSignedWithARetiredKeyThatIsStillHeld() {
        LinkSigner old = new LinkSigner("k0", Map.of("k0", "the retired key, thirty-two bytes long"
                .getBytes(StandardCharsets.UTF_8)));
        LinkSigner rotated = new LinkSigner("k1", Map.of("k1", KEY, "k0", "the retired key, thirty-two bytes long"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(rotated.verify(old.sign(LINK), LinkPurpose.ACKNOWLEDGE, NOW)).isEqualTo(LINK);
        assertThatThrownBy(() -> new LinkSigner("k1", Map.of("k1", new byte[16])))
                .hasMessageContaining("at least 32 bytes");
    }
}
