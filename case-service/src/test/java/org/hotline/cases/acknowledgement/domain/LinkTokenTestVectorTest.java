package org.hotline.cases.acknowledgement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared test vector of docs/schemas/examples: notification-service signs the links this service checks, with
 * its own signer (services never import each other). Its build checks the same file, so a change of format on
 * either side fails a build instead of every link in the bodies' emails.
 */
class LinkTokenTestVectorTest {

    private static final JsonNode VECTOR = JsonMapper.builder().build().readTree(
            Path.of("..", "docs", "schemas", "examples", "acknowledgement-link-token.v1.json").toFile());

    private final LinkSigner signer = new LinkSigner(VECTOR.get("keyId").asString(),
            Map.of(VECTOR.get("keyId").asString(), Base64.getDecoder().decode(VECTOR.get("keyBase64").asString())));
    private final AcknowledgementLink link = new AcknowledgementLink(
            UUID.fromString(VECTOR.get("link").get("complaintId").asString()),
            VECTOR.get("link").get("reference").asString(), VECTOR.get("link").get("authorityId").asString(),
            LinkPurpose.valueOf(VECTOR.get("link").get("purpose").asString()),
            Instant.parse(VECTOR.get("link").get("expiresAt").asString()));

    @Test
    void signsTheVectorsLinkIntoExactlyItsToken() {
        assertThat(signer.sign(link)).isEqualTo(VECTOR.get("token").asString());
    }

    @Test
    void acceptsTheVectorsTokenAsTheLinkItNames() {
        Instant beforeExpiry = link.expiresAt().minusSeconds(1);

        assertThat(signer.verify(VECTOR.get("token").asString(), LinkPurpose.ACKNOWLEDGE, beforeExpiry))
                .isEqualTo(link);
    }
}
