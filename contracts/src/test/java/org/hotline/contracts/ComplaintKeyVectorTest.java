package org.hotline.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
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
 * The per-complaint key vector that intake-service (which wraps and seals) and notification-service and
 * case-service (which unwrap and open, each with its own copy of the code) are held to is the format docs/events.md
 * and docs/security.md state, recomputed here from the documentation alone: the data key sealed under the service
 * key with associated data {@code serviceKeyId + "\n" + "complaints.keys.v1/" + complaintId}, and the value sealed
 * under the data key with {@code "complaint\n" + context}; the key record is a valid ComplaintKey v1.
 */
class ComplaintKeyVectorTest {

    private static final Path VECTOR = SchemaCompatibilityTest.SCHEMAS.resolve("examples")
            .resolve("complaint-key.v1.json");
    private static final String KEY_SCHEMA = "https://hotline.example.org/schemas/complaint-key.v1.schema.json";
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private final JsonNode vector = JsonMapper.builder().build().readTree(VECTOR.toFile());

    @Test
    void theWrappedKeyIsTheDocumentedAesGcmOfTheDataKeyUnderTheServiceKey() throws Exception {
        // given
        JsonNode wrapped = vector.at("/keyRecord/wrapped");
        String associatedData = vector.get("serviceKeyId").asString() + "\ncomplaints.keys.v1/"
                + vector.at("/keyRecord/complaintId").asString();

        // when
        String ciphertext = seal(BASE64.decode(vector.get("serviceKeyBase64").asString()), wrapped.get("iv"),
                associatedData, BASE64.decode(vector.get("dataKeyBase64").asString()));

        // then
        assertThat(wrapped.get("keyId").asString()).isEqualTo(vector.get("serviceKeyId").asString());
        assertThat(wrapped.get("ciphertext").asString()).isEqualTo(ciphertext);
        assertThat(vector.get("recordKey").asString()).startsWith(vector.at("/keyRecord/complaintId").asString() + "/");
    }

    @Test
    void theSealedValueIsTheDocumentedAesGcmOfThePlaintextUnderTheDataKey() throws Exception {
        // given
        JsonNode sealed = vector.get("sealed");

        // when
        String ciphertext = seal(BASE64.decode(vector.get("dataKeyBase64").asString()), sealed.get("iv"),
                "complaint\n" + vector.get("context").asString(),
                vector.get("plaintext").asString().getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(sealed.get("keyId").asString()).isEqualTo("complaint");
        assertThat(sealed.get("algorithm").asString()).isEqualTo("A256GCM");
        assertThat(sealed.get("ciphertext").asString()).isEqualTo(ciphertext);
    }

    @Test
    void theKeyRecordIsAComplaintKeyV1() {
        // given
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(SchemaExamplesTest.allSchemas()));

        // when / then
        assertThat(registry.getSchema(SchemaLocation.of(KEY_SCHEMA)).validate(vector.get("keyRecord"))).isEmpty();
    }

    private static String seal(byte[] key, JsonNode iv, String associatedData, byte[] plaintext) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, BASE64.decode(iv.asString())));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
    }
}
