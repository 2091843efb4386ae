package org.hotline.cases.erasure.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hotline.cases.casefile.domain.CaseEvent;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.hotline.cases.sealing.domain.SealedValue;
import org.junit.jupiter.api.Test;

class ErasuresTest {

    private static final Instant NOW = Instant.parse("2026-12-10T06:00:00Z");
    private static final Duration MONTH = Duration.ofDays(30);

    private final List<CaseFile> files = new ArrayList<>();
    /** The keys topic as this test has it: the record keys of each complaint's keys. */
    private final Map<UUID, List<String>> keysTopic = new HashMap<>();
    private final List<String> tombstones = new ArrayList<>();
    private final Erasures erasures = new Erasures(reference -> Optional.empty(), action -> files.forEach(action),
            complaintId -> keysTopic.getOrDefault(complaintId, List.of()).stream()
                    .map(key -> new ComplaintKeys.WrappedKey(key, new SealedValue("s1", "A256GCM", "iv", "c")))
                    .toList(),
            (complaintId, recordKeys, cause) -> {
                tombstones.addAll(recordKeys);
                keysTopic.remove(complaintId);
            },
            Map.of(ClosureReason.WITHDRAWN, MONTH), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void erasesACaseClosedForAReasonWithARetentionOnceItHasRunOutFromWhenTheClosureWasRecorded() {
        // given a case closed as withdrawn a month and a day ago, and one whose closure, recorded an hour ago, a
        // caseworker dated forty days back
        UUID expired = closed(ClosureReason.WITHDRAWN, NOW.minus(MONTH).minusSeconds(86_400),
                NOW.minus(MONTH).minusSeconds(86_400));
        UUID backdated = closed(ClosureReason.WITHDRAWN, NOW.minus(Duration.ofDays(40)), NOW.minusSeconds(3600));

        // when the retention is checked
        List<UUID> erased = erasures.eraseExpired();

        // then only the first is erased: a closure dated in the past does not shorten the retention
        assertThat(erased).containsExactly(expired);
        assertThat(tombstones).containsExactly(expired + "/k1", expired + "/k2");
        assertThat(keysTopic).containsKey(backdated);
    }

    @Test
    void neverErasesAnOpenCaseOrOneClosedForAReasonWithNoRetentionOrOneWithNoKeyLeft() {
        // given an open case, a case closed as resolved long ago, and a withdrawn one whose keys are gone
        UUID open = UUID.randomUUID();
        files.add(CaseFile.open(open));
        keysTopic.put(open, List.of(open + "/k1"));
        closed(ClosureReason.RESOLVED, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(400)));
        UUID gone = closed(ClosureReason.WITHDRAWN, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(400)));
        keysTopic.remove(gone);

        // when the retention is checked
        List<UUID> erased = erasures.eraseExpired();

        // then nothing is erased
        assertThat(erased).isEmpty();
        assertThat(tombstones).isEmpty();
    }

    @Test
    void refusesToEraseAnUnknownCase() {
        // given no case at all

        // when one is erased by its reference, then no case is found
        assertThatThrownBy(() -> erasures.erase("HL-0000-0000-0001")).isInstanceOf(UnknownCaseException.class);
    }

    /** A case closed for {@code reason} on the day {@code at}, recorded at {@code recordedAt}, with two keys. */
    private UUID closed(ClosureReason reason, Instant at, Instant recordedAt) {
        UUID id = UUID.randomUUID();
        files.add(CaseFile.open(id).apply(new CaseEvent.CaseClosed(id, new Closure(at, reason, "staff", recordedAt))));
        keysTopic.put(id, List.of(id + "/k1", id + "/k2"));
        return id;
    }
}
