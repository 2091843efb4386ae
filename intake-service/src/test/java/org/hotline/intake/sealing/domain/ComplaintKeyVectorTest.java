package org.hotline.intake.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared per-complaint key vector (docs/schemas/examples/complaint-key.v1.json, made by this sealer and
 * recomputed from the documented format by the contracts module; notification and the case service open it with
 * their own code): intake unwraps the data key and opens the value, and what it wraps and seals now opens the same
 * way, so a change to either half of the format fails here first.
 */
class ComplaintKeyVectorTest {

    private static final JsonNode VECTOR = JsonMapper.builder().build().readTree(
            Path.of("..", "docs", "schemas", "examples", "complaint-key.v1.json").toFile());
    private static final String KEY_ID = VECTOR.get("serviceKeyId").asString();
    private static final byte[] SERVICE_KEY = Base64.getDecoder().decode(VECTOR.get("serviceKeyBase64").asString());
    private static final String KEYS_CONTEXT = "complaints.keys.v1/" + VECTOR.at("/keyRecord/complaintId").asString();
    private static final String CONTEXT = VECTOR.get("context").asString();

    private final FieldSealer sealer = new FieldSealer(KEY_ID, Map.of(KEY_ID, SERVICE_KEY));

    @Test
    void unwrapsTheVectorsDataKeyAndOpensTheValueSealedUnderIt() {
        // when
        byte[] dataKey = sealer.open(sealedValue(VECTOR.at("/keyRecord/wrapped")), KEYS_CONTEXT);
        byte[] opened = sealer.open(dataKey, sealedValue(VECTOR.get("sealed")), CONTEXT);

        // then
        assertThat(Base64.getEncoder().encodeToString(dataKey)).isEqualTo(VECTOR.get("dataKeyBase64").asString());
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(VECTOR.get("plaintext").asString());
    }

    @Test
    void wrapsAndSealsAsTheVectorDoesSoThatItsOwnOutputOpensTheSameWay() {
        // given
        byte[] dataKey = sealer.newDataKey();
        byte[] plaintext = VECTOR.get("plaintext").asString().getBytes(StandardCharsets.UTF_8);

        // when
        SealedValue wrapped = sealer.wrap(dataKey, KEYS_CONTEXT);
        SealedValue sealed = sealer.seal(dataKey, plaintext, CONTEXT);

        // then
        assertThat(wrapped.keyId()).isEqualTo(KEY_ID);
        assertThat(sealed.keyId()).isEqualTo(VECTOR.at("/sealed/keyId").asString());
        assertThat(sealer.open(sealer.open(wrapped, KEYS_CONTEXT), sealed, CONTEXT)).isEqualTo(plaintext);
    }

    private static SealedValue sealedValue(JsonNode sealed) {
        return new SealedValue(sealed.get("keyId").asString(), sealed.get("algorithm").asString(),
                sealed.get("iv").asString(), sealed.get("ciphertext").asString());
    }
}
