package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acknowledgement-link test vector that notification-service (which signs) and case-service (which checks) both
 * hold their signers to is the format docs/case.md states, recomputed here from the documentation alone: a third
 * implementation, so that the two services cannot agree on something the documentation does not say.
 */
class AcknowledgementLinkVectorTest {

    private static final Path VECTOR = SchemaCompatibilityTest.SCHEMAS.resolve("examples")
            .resolve("acknowledgement-link-token.v1.json");

    @Test
    void theVectorsTokenIsTheDocumentedPayloadAndItsHmacSha256() throws Exception {
        // given
        JsonNode vector = JsonMapper.builder().build().readTree(VECTOR.toFile());
        JsonNode link = vector.get("link");
        String payload = String.join("\n", "v1", vector.get("keyId").asString(), link.get("complaintId").asString(),
                link.get("reference").asString(), link.get("authorityId").asString(), link.get("purpose").asString(),
                String.valueOf(Instant.parse(link.get("expiresAt").asString()).getEpochSecond()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(vector.get("keyBase64").asString()), "HmacSHA256"));
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

        // when
        String token = base64url.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(vector.get("token").asString()).isEqualTo(token);
    }
}
