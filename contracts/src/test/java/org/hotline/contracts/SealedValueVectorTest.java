package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sealed-value test vector that intake-service (which seals) and notification-service and case-service (which
 * open) each hold their own code to is the format docs/events.md states, recomputed here from the documentation
 * alone: AES-256-GCM, a 128-bit tag, associated data {@code keyId + "\n" + context}. Since the services keep their
 * own copies of the sealing code, this is what keeps a fix in one from breaking the others' opening.
 */
class SealedValueVectorTest {

    private static final Path VECTOR = SchemaCompatibilityTest.SCHEMAS.resolve("examples")
            .resolve("sealed-value.v1.json");

    @Test
    void theVectorsCiphertextIsTheDocumentedAesGcmOfItsPlaintextWithKeyIdAndContextAsAssociatedData()
            throws Exception {
        // given
        JsonNode vector = JsonMapper.builder().build().readTree(VECTOR.toFile());
        JsonNode sealed = vector.get("sealed");
        Base64.Decoder base64 = Base64.getDecoder();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(base64.decode(vector.get("keyBase64").asString()), "AES"),
                new GCMParameterSpec(128, base64.decode(sealed.get("iv").asString())));
        cipher.updateAAD((sealed.get("keyId").asString() + "\n" + vector.get("context").asString())
                .getBytes(StandardCharsets.UTF_8));

        // when
        byte[] ciphertext = cipher.doFinal(vector.get("plaintext").asString().getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(sealed.get("algorithm").asString()).isEqualTo("A256GCM");
        assertThat(sealed.get("keyId").asString()).isEqualTo(vector.get("keyId").asString());
        assertThat(base64.decode(sealed.get("iv").asString())).hasSize(12);
        assertThat(sealed.get("ciphertext").asString()).isEqualTo(Base64.getEncoder().encodeToString(ciphertext));
    }
}
