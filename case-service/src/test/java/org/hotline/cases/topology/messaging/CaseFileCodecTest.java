package org.hotline.cases.topology.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CaseFileCodecTest {

    private final CaseFileCodec codec = new CaseFileCodec(JsonMapper.builder().build());

    @Test
    void readsACaseFileWrittenBeforeTheComplaintsCategoriesAndFlagsAndItsClosureWereKept() {
        // given a file as the case service wrote it before the escalation letters' summary
        CaseFile now = new CaseFile(UUID.fromString("3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33"), "HL-7F3K-9QX2-ABCD",
                null, Instant.parse("2026-11-30T09:10:00Z"), true, List.of(), List.of(), List.of(),
                new Circumstances("PUBLIC", "SCHOOL", "HEAD_OF_ORGANIZATION", true, "KZ-39",
                        List.of("EXTORTION"), true, true), null, null);
        String written = new String(codec.write(now), java.nio.charset.StandardCharsets.UTF_8);
        String older = written.replaceAll(",\"categories\":\\[[^]]*\\],\"victimMinor\":true,\"immediateDanger\":true",
                "").replace(",\"closure\":null", "");
        assertThat(older).isNotEqualTo(written).doesNotContain("victimMinor").doesNotContain("closure");

        // when
        CaseFile read = codec.read(older.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // then
        Circumstances facts = read.circumstances();
        assertThat(facts).isNotNull();
        assertThat(facts.region()).isEqualTo("KZ-39");
        assertThat(facts.categories()).isEmpty();
        assertThat(facts.minorVictim()).isFalse();
        assertThat(facts.dangerNow()).isFalse();
        assertThat(codec.read(codec.write(now))).isEqualTo(now);
    }
}
