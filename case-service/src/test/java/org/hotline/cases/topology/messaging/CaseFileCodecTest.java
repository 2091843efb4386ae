package org.hotline.cases.topology.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Circumstances;
import org.hotline.cases.casefile.domain.EscalationHold;
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

    @Test
    void keepsABodysHoldAndReadsABodyWrittenBeforeHoldsWereKept() {
        // given a body held until 8 January
        Assignment body = new Assignment("kz-39-police", "POLICE", Map.of("ru", "Полиция"), "PRIMARY", "ru",
                LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 22), Instant.parse("2026-11-30T09:11:00Z"), false,
                null, null, null).held(new EscalationHold(LocalDate.of(2027, 1, 8), "The head called.", "dev-staff",
                        Instant.parse("2026-12-21T06:00:00Z")));
        CaseFile held = new CaseFile(UUID.fromString("3f0c2a1e-8d4b-4c55-9a61-2f7e1d0b9c33"), "HL-7F3K-9QX2-ABCD",
                null, Instant.parse("2026-11-30T09:10:00Z"), true, List.of(body), List.of(), List.of(), null, null,
                null);
        String written = new String(codec.write(held), StandardCharsets.UTF_8);
        String older = written.replaceAll(",\"hold\":\\{[^}]*}", "");
        assertThat(older).isNotEqualTo(written).doesNotContain("hold");

        // when
        CaseFile read = codec.read(written.getBytes(StandardCharsets.UTF_8));
        CaseFile readOlder = codec.read(older.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(read).isEqualTo(held);
        assertThat(readOlder.assignments().get(0).hold()).isNull();
        assertThat(readOlder.assignments().get(0).authorityId()).isEqualTo("kz-39-police");
    }
}
