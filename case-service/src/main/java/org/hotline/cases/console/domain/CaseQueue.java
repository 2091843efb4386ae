package org.hotline.cases.console.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseState;

/**
 * The cases by lane, oldest received first: what has waited longest comes first. Each lane counts all its cases and
 * keeps the {@code shown} oldest only, so that the console's memory does not grow with the number of cases.
 */
public final class CaseQueue {

    private static final Comparator<QueueEntry> OLDEST_FIRST = Comparator
            .comparing((QueueEntry entry) -> entry.receivedAt() == null ? Instant.MAX : entry.receivedAt())
            .thenComparing(QueueEntry::reference);

    private final LocalDate today;
    private final int shown;
    private final Map<Lane, PriorityQueue<QueueEntry>> kept = new EnumMap<>(Lane.class);
    private final Map<Lane, Integer> counts = new EnumMap<>(Lane.class);

    /** @param shown how many cases a lane lists at most */
    public CaseQueue(LocalDate today, int shown) {
        if (shown < 1) {
            throw new IllegalArgumentException("a lane must show at least one case, not " + shown);
        }
        this.today = today;
        this.shown = shown;
        for (Lane lane : Lane.values()) {
            // Newest at the head, to be dropped first when the lane is over its size.
            kept.put(lane, new PriorityQueue<>(OLDEST_FIRST.reversed()));
            counts.put(lane, 0);
        }
    }

    /** Puts a case in its lanes. A file without a reference yet (no event named it) is left out. */
    public void add(CaseFile file) {
        if (file.reference() == null) {
            return;
        }
        CaseState state = file.state(today);
        QueueEntry entry = new QueueEntry(file.reference(), state, file.receivedAt(), file.assignments().size());
        for (Lane lane : Lane.of(file, state)) {
            counts.merge(lane, 1, Integer::sum);
            PriorityQueue<QueueEntry> entries = kept.get(lane);
            entries.add(entry);
            if (entries.size() > shown) {
                entries.poll();
            }
        }
    }

    /** How many cases are in {@code lane}, shown or not. */
    public int count(Lane lane) {
        return counts.get(lane);
    }

    /** The oldest cases of {@code lane}, oldest first, at most {@code shown}. */
    public List<QueueEntry> entries(Lane lane) {
        List<QueueEntry> entries = new ArrayList<>(kept.get(lane));
        entries.sort(OLDEST_FIRST);
        return entries;
    }
}
