package org.hotline.notification.acknowledgement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LinkSignerTest {

    /** Made by the case service's signer; its build checks it against the same file. */
    private static final JsonNode VECTOR = JsonMapper.builder().build().readTree(
            Path.of("..", "docs", "schemas", "examples", "acknowledgement-link-token.v1.json").toFile());
    private static final byte[] KEY = "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final AcknowledgementLink LINK = new AcknowledgementLink(
            UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11"), "HL-7F3K-9QX2-ABCD", "kz-39-police",
            LinkPurpose.ACKNOWLEDGE, NOW.plusSeconds(3600));

    private final LinkSigner signer = new LinkSigner("k1", Map.of("k1", KEY));

    @Test
    void signsTheSharedTestVectorIntoExactlyTheTokenTheCaseServiceMade() {
        // given
        String keyId = VECTOR.get("keyId").asString();
        LinkSigner vectorSigner = new LinkSigner(keyId,
                Map.of(keyId, Base64.getDecoder().decode(VECTOR.get("keyBase64").asString())));
        JsonNode link = VECTOR.get("link");

        // when
        String token = vectorSigner.sign(new AcknowledgementLink(UUID.fromString(link.get("complaintId").asString()),
                link.get("reference").asString(), link.get("authorityId").asString(),
                LinkPurpose.valueOf(link.get("purpose").asString()), Instant.parse(link.get("expiresAt").asString())));

        // then
        assertThat(token).isEqualTo(VECTOR.get("token").asString());
    }

    @Test
    void givesBackEverythingALinkWasSignedForUntilItExpires() {
        String token = signer.sign(LINK);

        assertThat(signer.verify(token, LinkPurpose.ACKNOWLEDGE, NOW)).contains(LINK);
        assertThat(signer.verify(token, LinkPurpose.ACKNOWLEDGE, LINK.expiresAt())).isEmpty();
    }

    @Test
    void refusesALinkWhoseBodyWasChangedOrThatAnotherKeySigned() {
        // given
        String token = signer.sign(LINK);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String otherBody = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("kz-39-police", "kz-39-prosecutor").getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        LinkSigner stranger = new LinkSigner("k1", Map.of("k1", "another key of at least thirty-two bytes"
                .getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(signer.verify(otherBody, LinkPurpose.ACKNOWLEDGE, NOW)).isEmpty();
        assertThat(stranger.verify(token, LinkPurpose.ACKNOWLEDGE, NOW)).isEmpty();
        assertThat(signer.verify("not-a-token", LinkPurpose.ACKNOWLEDGE, NOW)).isEmpty();
    }

    @Test
    void aLinkCarriesTheComplaintTheBodyThePurposeAndTheExpiryAndNothingElse() {
        String token = signer.sign(LINK);

        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);

        assertThat(payload).isEqualTo("v1\nk1\n0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11\nHL-7F3K-9QX2-ABCD\nkz-39-police\n"
                + "ACKNOWLEDGE\n" + NOW.plusSeconds(3600).getEpochSecond());
    }
}
