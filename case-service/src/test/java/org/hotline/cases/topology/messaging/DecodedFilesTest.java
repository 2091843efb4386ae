package org.hotline.cases.topology.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hotline.cases.casefile.domain.CaseFile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DecodedFilesTest {

    private final CaseFileCodec codec = new CaseFileCodec(JsonMapper.builder().build());

    private static CaseFile file(int number) {
        return new CaseFile(new UUID(0, number), "HL-0000-0000-%04d".formatted(number), null,
                Instant.parse("2026-11-30T09:10:00Z"), false, List.of(), List.of(), List.of(), null, null, null);
    }

    @Test
    void givesTheFileWrittenForTheBytesTheStoreHoldsAndDecodesAnyOthers() {
        // given a file written, and the same key's bytes as another file would have left them
        DecodedFiles files = new DecodedFiles(codec, 4);
        CaseFile written = file(1);
        byte[] bytes = files.write("a", written);
        byte[] other = codec.write(file(2));

        // when the store holds the bytes written, a copy of them (as read from disk), or others
        CaseFile same = files.read("a", bytes);
        CaseFile fromCopy = files.read("a", Arrays.copyOf(bytes, bytes.length));
        CaseFile fromOther = files.read("a", other);

        // then the file written is given for its bytes, and the other bytes are decoded
        assertThat(bytes).isEqualTo(codec.write(written));
        assertThat(same).isSameAs(written);
        assertThat(fromCopy).isSameAs(written);
        assertThat(fromOther).isEqualTo(file(2)).isNotSameAs(written);
    }

    @Test
    void keepsTheLatestFilesOnlyAndForgetsThemAllWhenCleared() {
        // given three files written where two are kept
        DecodedFiles files = new DecodedFiles(codec, 2);
        CaseFile one = file(1);
        CaseFile three = file(3);
        byte[] first = files.write("a", one);
        files.write("b", file(2));
        byte[] third = files.write("c", three);

        // when
        CaseFile evicted = files.read("a", first);
        CaseFile kept = files.read("c", third);
        files.clear();
        CaseFile cleared = files.read("c", third);

        // then the oldest and the cleared one are decoded again, equal to what was written
        assertThat(evicted).isEqualTo(one).isNotSameAs(one);
        assertThat(kept).isSameAs(three);
        assertThat(cleared).isEqualTo(three).isNotSameAs(three);
        assertThatThrownBy(() -> new DecodedFiles(codec, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
