package org.hotline.cases.erasure.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.cases.casefile.application.AllCaseFiles;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.Closure;
import org.hotline.cases.casefile.domain.ClosureReason;
import org.hotline.cases.sealing.domain.ComplaintKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases complaints: writes the tombstone of a complaint's data key, after which every copy of its sealed fields
 * (the complainant's identity and contact, the statement), on every topic and in every backup, can no longer be
 * opened. What was never sealed stays: the categories, the region, the bodies told and what they answered.
 *
 * <p>Two ways: an administrator's request, for one case by its reference ({@link #erase}); and retention
 * ({@link #eraseExpired}): a case closed for one of the reasons given, longer ago than that reason's retention. An
 * open case is never erased by retention: a hotline must not lose a complaint that is still being followed.
 */
public final class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final CaseFiles files;
    private final AllCaseFiles all;
    private final ComplaintKeys keys;
    private final KeyEraser eraser;
    private final Map<ClosureReason, Duration> retention;
    private final Clock clock;

    /**
     * @param retention how long a case closed for each reason keeps its personal data; a reason not listed: always
     */
    public Erasures(CaseFiles files, AllCaseFiles all, ComplaintKeys keys, KeyEraser eraser,
            Map<ClosureReason, Duration> retention,
            Clock clock) {
        this.files = files;
        this.all = all;
        this.keys = keys;
        this.eraser = eraser;
        this.retention = Map.copyOf(retention);
        this.clock = clock;
    }

    /** What an erasure did: the complaint, when, and how many data keys it had (one, or more if published twice). */
    public record Erased(UUID complaintId, Instant at, int keys) {
    }

    /**
     * Erases the case with {@code reference}, open or closed.
     *
     * @throws UnknownCaseException when no case has the reference
     * @throws NothingToEraseException when the complaint has no data key: erased already, or sealed before them
     * @throws ErasureNotStoredException when the broker did not take the tombstones
     * @throws ComplaintKeys.KeysUnavailableException when the keys cannot be read now
     */
    public Erased erase(String reference) {
        CaseFile file = files.byReference(reference).orElseThrow(UnknownCaseException::new);
        // Up to date: a key written a moment ago (the complaint published again) must not outlive the erasure.
        List<ComplaintKeys.WrappedKey> held = keys.wrappedKeysUpToDate(file.complaintId());
        if (held.isEmpty()) {
            throw new NothingToEraseException();
        }
        eraser.erase(file.complaintId(), held.stream().map(ComplaintKeys.WrappedKey::recordKey).toList(), "request");
        return new Erased(file.complaintId(), clock.instant(), held.size());
    }

    /**
     * Erases every case whose closure reason has a retention that has run out and that still has a data key. A
     * case received before per-complaint keys has none, and is passed over.
     *
     * @return the complaints erased now
     * @throws ErasureNotStoredException when the broker did not take a tombstone; the next check tries again
     */
    public List<UUID> eraseExpired() {
        if (retention.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        // Only the ids, gathered first: the store's iterator is not held open across the broker's answers.
        List<UUID> expired = new ArrayList<>();
        all.forEach(file -> {
            Closure closure = file.closure();
            @Nullable Duration kept = closure == null ? null : retention.get(closure.reason());
            if (closure != null && kept != null && !closure.retentionFrom().plus(kept).isAfter(now)) {
                expired.add(file.complaintId());
            }
        });
        List<UUID> erased = new ArrayList<>();
        for (UUID complaintId : expired) {
            List<ComplaintKeys.WrappedKey> held = keys.wrappedKeysUpToDate(complaintId);
            if (!held.isEmpty()) {
                eraser.erase(complaintId, held.stream().map(ComplaintKeys.WrappedKey::recordKey).toList(),
                        "retention");
                erased.add(complaintId);
            }
        }
        if (!erased.isEmpty()) {
            log.info("Retention: erased the data keys of {} closed complaint(s)", erased.size());
        }
        return erased;
    }
}
