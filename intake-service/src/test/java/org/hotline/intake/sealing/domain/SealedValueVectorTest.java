package org.hotline.intake.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared sealed-value test vector (docs/schemas/examples/sealed-value.v1.json, sealed by intake-service and
 * recomputed from the documented format by the contracts module): intake opens it with its own sealer, and what intake seals opens with the JDK's AES-GCM and the documented associated data.
 */
class SealedValueVectorTest {

    private static final JsonNode VECTOR = JsonMapper.builder().build().readTree(
            Path.of("..", "docs", "schemas", "examples", "sealed-value.v1.json").toFile());
    private static final String KEY_ID = VECTOR.get("keyId").asString();
    private static final byte[] KEY = Base64.getDecoder().decode(VECTOR.get("keyBase64").asString());
    private static final String CONTEXT = VECTOR.get("context").asString();

    @Test
    void opensTheValueIntakeSealed() {
        // given
        FieldSealer sealer = new FieldSealer(KEY_ID, Map.of(KEY_ID, KEY));

        // when
        byte[] opened = sealer.open(vectorValue(), CONTEXT);

        // then
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(VECTOR.get("plaintext").asString());
    }

    @Test
    void sealsInTheDocumentedFormatSoThatAnyImplementationOfItOpensTheValue() throws Exception {
        // given
        FieldSealer sealer = new FieldSealer(KEY_ID, Map.of(KEY_ID, KEY));
        byte[] plaintext = VECTOR.get("plaintext").asString().getBytes(StandardCharsets.UTF_8);

        // when
        SealedValue sealed = sealer.seal(plaintext, CONTEXT);

        // then: opened with the JDK's AES-GCM and the associated data docs/events.md states, not with FieldSealer
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(sealed.iv())));
        cipher.updateAAD((KEY_ID + "\n" + CONTEXT).getBytes(StandardCharsets.UTF_8));
        assertThat(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext()))).isEqualTo(plaintext);
        assertThat(sealed.keyId()).isEqualTo(KEY_ID);
        assertThat(sealed.algorithm()).isEqualTo("A256GCM");
    }


    private static SealedValue vectorValue() {
        JsonNode sealed = VECTOR.get("sealed");
        return new SealedValue(sealed.get("keyId").asString(), sealed.get("algorithm").asString(),
                sealed.get("iv").asString(), sealed.get("ciphertext").asString());
    }
}
