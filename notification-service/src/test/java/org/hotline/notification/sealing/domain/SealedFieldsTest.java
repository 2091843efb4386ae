package org.hotline.notification.sealing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealedFieldsTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UUID COMPLAINT = UUID.fromString("0f6c1c1e-1111-4a4a-9a9a-123456789abc");
    private static final String CONTEXT = "complaints.received.v1/" + COMPLAINT + "/complainant";

    private final FieldSealer service = new FieldSealer("s1", Map.of("s1", randomKey()));
    private final List<ComplaintKeys.WrappedKey> keysTopic = new ArrayList<>();
    private final SealedFields fields = new SealedFields(service, complaintId -> List.copyOf(keysTopic));

    @Test
    void opensEachCopyOfAComplaintPublishedTwiceWithTheKeyDrawnForIt() {
        // given a complaint the intake published twice, each time under a data key of its own
        byte[] first = randomKey();
        byte[] second = randomKey();
        keysTopic.add(wrapped("kid-1", first));
        keysTopic.add(wrapped("kid-2", second));

        // when each copy's sealed value is opened
        byte[] fromFirst = fields.open(COMPLAINT, sealUnder(first, "first copy"), CONTEXT);
        byte[] fromSecond = fields.open(COMPLAINT, sealUnder(second, "second copy"), CONTEXT);

        // then each opens, with its own key
        assertThat(new String(fromFirst, StandardCharsets.UTF_8)).isEqualTo("first copy");
        assertThat(new String(fromSecond, StandardCharsets.UTF_8)).isEqualTo("second copy");
    }

    @Test
    void takesAComplaintWithNoKeyLeftForAnErasedOne() {
        // given a value sealed under its complaint's key, and no key of the complaint on the topic
        SealedValue sealed = sealUnder(randomKey(), "text");

        // when it is opened, then the complaint was erased
        assertThatThrownBy(() -> fields.open(COMPLAINT, sealed, CONTEXT)).isInstanceOf(ComplaintErasedException.class);
    }

    @Test
    void takesAValueThatNoneOfTheComplaintsKeysOpensForUnopenableNotErased() {
        // given a value sealed under a key other than the one the topic holds for the complaint
        SealedValue sealed = sealUnder(randomKey(), "text");
        keysTopic.add(wrapped("kid-1", randomKey()));

        // when it is opened, then it does not open, which is no erasure
        assertThatThrownBy(() -> fields.open(COMPLAINT, sealed, CONTEXT)).isInstanceOf(SealingException.class);
    }

    private ComplaintKeys.WrappedKey wrapped(String kid, byte[] dataKey) {
        return new ComplaintKeys.WrappedKey(COMPLAINT + "/" + kid,
                service.seal(dataKey, SealedFields.KEYS_CONTEXT + COMPLAINT));
    }

    /** Sealed as intake seals under a data key: the key id names the complaint's key, not a service key. */
    private static SealedValue sealUnder(byte[] dataKey, String text) {
        return new FieldSealer(SealedValue.COMPLAINT_KEY, Map.of(SealedValue.COMPLAINT_KEY, dataKey))
                .seal(text.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
