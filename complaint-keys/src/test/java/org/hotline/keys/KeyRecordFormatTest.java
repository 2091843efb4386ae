package org.hotline.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.hotline.keys.KeyRecordFormat.RecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRecordFormatTest {

    private static final String ID = "4f9a1c2e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";
    private static final String KID = "q3Zx_-9aBcDe";
    private static final String VALUE = "{\"schemaVersion\":1,\"complaintId\":\"" + ID + "\","
            + "\"createdAt\":\"2025-03-01T09:30:00Z\",\"wrapped\":{\"keyId\":\"service-2025-01\","
            + "\"algorithm\":\"A256GCM\",\"iv\":\"AAECAwQFBgcICQoL\",\"ciphertext\":\"c2VhbGVkIGRhdGEga2V5\"}}";

    private final KeyRecordFormat format = new KeyRecordFormat();

    @Test
    void readsTheWrappedKeyOfAValueInTheFormat() {
        // given a value as intake writes it
        // when it is read under its complaint's id and a kid
        WrappedKey key = format.read(RecordKey.parse(ID + "/" + KID), bytes(VALUE));

        // then it holds the wrapped key's four fields and the record key it was read under
        assertThat(key).isEqualTo(new WrappedKey(ID + "/" + KID, "service-2025-01", "A256GCM", "AAECAwQFBgcICQoL",
                "c2VhbGVkIGRhdGEga2V5"));
    }

    @Test
    void readsAValueUnderTheComplaintIdAloneAsWrittenBeforeKids() {
        // given the record key of the first form, the complaint id alone
        RecordKey legacy = RecordKey.parse(ID);

        // when a value is read under it
        WrappedKey key = format.read(legacy, bytes(VALUE));

        // then the key has no kid and the wrapped key is read as under a kid
        assertThat(legacy).isEqualTo(new RecordKey(UUID.fromString(ID), null));
        assertThat(key.recordKey()).isEqualTo(ID);
        assertThat(key.ciphertext()).isEqualTo("c2VhbGVkIGRhdGEga2V5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0123456789012345678901234567890123456789012345678901234567890123", "Az09_-"})
    void acceptsAKidOfOneToSixtyFourLettersDigitsUnderscoresAndHyphens(String kid) {
        // given a record key with such a kid
        // when it is parsed
        RecordKey key = RecordKey.parse(ID + "/" + kid);

        // then it names the complaint and the kid, and is written back the same
        assertThat(key).isEqualTo(new RecordKey(UUID.fromString(ID), kid));
        assertThat(key.text()).isEqualTo(ID + "/" + kid);
    }

    /** A record key refused, and the reason. */
    static Stream<Arguments> malformedRecordKeys() {
        String kidRefused = "the record key's kid is not 1 to 64 of A-Z a-z 0-9 _ -";
        String idRefused = "the record key's complaint id is not a lowercase UUID";
        return Stream.of(
                arguments(ID + "/", kidRefused),
                arguments(ID + "/" + "k".repeat(65), kidRefused),
                arguments(ID + "/kid.1", kidRefused),
                arguments(ID + "/kid/1", kidRefused),
                arguments(ID + "/kïd", kidRefused),
                arguments(ID.toUpperCase() + "/" + KID, idRefused),
                arguments("1-2-3-4-5/" + KID, idRefused),
                arguments("/" + KID, idRefused),
                arguments("", idRefused));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedRecordKeys")
    void refusesARecordKeyNotInTheFormNamingThePartOnly(String recordKey, String reason) {
        // given a record key not in either form
        // when it is parsed
        // then it is refused, a tombstone under it included: it would delete a key that no put is stored under
        assertThatThrownBy(() -> RecordKey.parse(recordKey))
                .isInstanceOf(KeyRecordFormat.Malformed.class)
                .hasMessage(reason);
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        // given a value with a field added by a later writer
        String added = VALUE.replace("{\"schemaVersion\"", "{\"tenant\":\"ngo-1\",\"schemaVersion\"");

        // when it is read
        WrappedKey key = format.read(RecordKey.parse(ID + "/" + KID), bytes(added));

        // then the key is still there
        assertThat(key.keyId()).isEqualTo("service-2025-01");
    }

    /** One field of the value changed: the text replaced, its replacement, and the reason the value is refused. */
    static Stream<Arguments> oneFieldWrong() {
        return Stream.of(
                arguments("\"schemaVersion\":1", "\"schemaVersion\":2", "schemaVersion is not 1"),
                arguments("\"schemaVersion\":1", "\"schemaVersion\":\"1\"", "schemaVersion is not 1"),
                arguments("2025-03-01T09:30:00Z", "yesterday", "createdAt is not an ISO-8601 instant"),
                arguments("\"keyId\":\"service-2025-01\"", "\"keyId\":\"\"",
                        "wrapped.keyId is missing or not a non-empty string"),
                arguments("AAECAwQFBgcICQoL", "not base64!", "wrapped.iv is not base64"),
                arguments("\"ciphertext\"", "\"plaintext\"", "wrapped.ciphertext is missing or not a non-empty string"),
                arguments("\"wrapped\":{", "\"wrapped\":\"none\",\"was\":{", "wrapped is missing or not an object"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("oneFieldWrong")
    void refusesAValueNotInTheFormatNamingTheFieldOnly(String field, String replacement, String reason) {
        // given a value with one field changed
        byte[] changed = bytes(VALUE.replace(field, replacement));

        // when it is read
        // then it is refused for that field
        assertThatThrownBy(() -> format.read(RecordKey.parse(ID + "/" + KID), changed))
                .isInstanceOf(KeyRecordFormat.Malformed.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0e1d2c3b-4a59-4867-8765-43210fedcba9/" + KID, "0e1d2c3b-4a59-4867-8765-43210fedcba9"})
    void refusesAValueFiledUnderAnotherComplaint(String recordKey) {
        // given a value whose complaint id is not its record key's
        RecordKey elsewhere = RecordKey.parse(recordKey);

        // when it is read
        // then it is refused: it would be found under one complaint and erased under another
        assertThatThrownBy(() -> format.read(elsewhere, bytes(VALUE)))
                .isInstanceOf(KeyRecordFormat.Malformed.class)
                .hasMessage("complaintId differs from the record key");
    }

    @Test
    void refusesAnUppercaseComplaintIdThatNoLookupWouldFind() {
        // given a value whose complaint id is in capitals, under the record key in lowercase
        byte[] upper = bytes(VALUE.replace(ID, ID.toUpperCase()));

        // when it is read
        // then it is refused: the record key in capitals is refused as well (see malformedRecordKeys)
        assertThatThrownBy(() -> format.read(RecordKey.parse(ID + "/" + KID), upper))
                .isInstanceOf(KeyRecordFormat.Malformed.class)
                .hasMessage("complaintId differs from the record key");
    }

    @Test
    void refusesWhatIsNotJsonWithoutQuotingIt() {
        // given a value cut short
        byte[] cut = bytes(VALUE.substring(0, 60));

        // when it is read
        // then the reason quotes nothing of it
        assertThatThrownBy(() -> format.read(RecordKey.parse(ID + "/" + KID), cut))
                .isInstanceOf(KeyRecordFormat.Malformed.class)
                .hasMessage("not JSON");
    }

    @Test
    void printsAWrappedKeyWithoutItsNonceOrCiphertext() {
        // given a wrapped key
        WrappedKey key = format.read(RecordKey.parse(ID + "/" + KID), bytes(VALUE));

        // when it is printed
        String printed = key.toString();

        // then only its record key, key id and algorithm show
        assertThat(printed).isEqualTo("WrappedKey[recordKey=" + ID + "/" + KID
                + ", keyId=service-2025-01, algorithm=A256GCM]");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
