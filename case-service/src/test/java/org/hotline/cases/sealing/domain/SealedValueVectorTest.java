package org.hotline.cases.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared sealed-value test vector (docs/schemas/examples/sealed-value.v1.json, sealed by intake-service and
 * recomputed from the documented format by the contracts module): the case service opens it with its own copy of the opening code.
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
        FieldOpener opener = new FieldOpener(Map.of(KEY_ID, KEY));

        // when
        byte[] opened = opener.open(vectorValue(), CONTEXT);

        // then
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(VECTOR.get("plaintext").asString());
    }


    private static SealedValue vectorValue() {
        JsonNode sealed = VECTOR.get("sealed");
        return new SealedValue(sealed.get("keyId").asString(), sealed.get("algorithm").asString(),
                sealed.get("iv").asString(), sealed.get("ciphertext").asString());
    }
}
