package org.hotline.cases.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared per-complaint key vector (docs/schemas/examples/complaint-key.v1.json, made by intake-service and
 * recomputed from the documented format by the contracts module): the case service opens a value sealed under a
 * complaint's data key through its own copy of {@link SealedFields}, with the key as the keys topic carries it, wrapped.
 */
class ComplaintKeyVectorTest {

    private static final JsonNode VECTOR = JsonMapper.builder().build().readTree(
            Path.of("..", "docs", "schemas", "examples", "complaint-key.v1.json").toFile());
    private static final String KEY_ID = VECTOR.get("serviceKeyId").asString();
    private static final byte[] SERVICE_KEY = Base64.getDecoder().decode(VECTOR.get("serviceKeyBase64").asString());
    private static final UUID COMPLAINT = UUID.fromString(VECTOR.at("/keyRecord/complaintId").asString());
    private static final String CONTEXT = VECTOR.get("context").asString();

    private final FieldOpener sealing = new FieldOpener(Map.of(KEY_ID, SERVICE_KEY));

    @Test
    void opensTheValueIntakeSealedUnderTheComplaintsWrappedDataKey() {
        // given
        ComplaintKeys.WrappedKey wrapped = new ComplaintKeys.WrappedKey(VECTOR.get("recordKey").asString(),
                sealedValue(VECTOR.at("/keyRecord/wrapped")));
        SealedFields fields = new SealedFields(sealing, complaintId -> List.of(wrapped));

        // when
        byte[] opened = fields.open(COMPLAINT, sealedValue(VECTOR.get("sealed")), CONTEXT);

        // then
        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(VECTOR.get("plaintext").asString());
    }

    @Test
    void unwrapsTheDataKeyTheVectorStates() {
        // when
        byte[] dataKey = sealing.open(sealedValue(VECTOR.at("/keyRecord/wrapped")),
                SealedFields.KEYS_CONTEXT + COMPLAINT);

        // then
        assertThat(Base64.getEncoder().encodeToString(dataKey)).isEqualTo(VECTOR.get("dataKeyBase64").asString());
    }

    @Test
    void takesTheComplaintForErasedWhenItsKeysAreGone() {
        // given: the keys' tombstones were compacted away
        SealedFields fields = new SealedFields(sealing, complaintId -> List.of());

        // when
        ComplaintErasedException erased = catchThrowableOfType(ComplaintErasedException.class,
                () -> fields.open(COMPLAINT, sealedValue(VECTOR.get("sealed")), CONTEXT));

        // then
        assertThat(erased).isNotNull();
    }

    private static SealedValue sealedValue(JsonNode sealed) {
        return new SealedValue(sealed.get("keyId").asString(), sealed.get("algorithm").asString(),
                sealed.get("iv").asString(), sealed.get("ciphertext").asString());
    }
}
