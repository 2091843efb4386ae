package org.hotline.notification.dispatch.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The messages taken from Kafka and not yet settled, and which offsets may be committed. Bounded by the consumer,
 * which pauses its partitions while {@link #size()} is over its limit: the rest of a backlog stays in Kafka.
 *
 * <p>Due messages are found in a queue per partition ordered by due time (no scan of everything pending), and a
 * batch comes from one partition, preferably one no other sender is working on: a batch's ledger writes are then
 * one Kafka transaction each, and senders do not queue behind each other's transactions on one partition's
 * transactional producer. A routed record's
 * offset becomes committable once every message planned from it, and every alert about them, is settled: the
 * committed offset of a partition is that of its oldest unsettled record, so after a crash or a rebalance the owner
 * reads again from there and the ledger tells it what is already done.
 *
 * <p>A work belongs to the ownership of its partition it was taken in: once the partition is released, a work of
 * that ownership coming back from a sender is dropped, never queued again, because the partition's next owner
 * (possibly this instance again) plans it anew from Kafka and its ledger.
 */
final class Backlog {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, PriorityQueue<Work>> queues = new HashMap<>();
    private final Map<Integer, TreeMap<Long, Source>> open = new HashMap<>();
    private final Map<Integer, Long> next = new HashMap<>();
    private final Map<Integer, Integer> inProgress = new HashMap<>();
    /** Works of the current ownership of each partition; a work not in here is stale. */
    private final Map<Work, Boolean> current = new IdentityHashMap<>();
    /** How many works of {@link #current} each partition has. */
    private final Map<Integer, Integer> heldBy = new HashMap<>();
    private final Set<String> messageIds = new HashSet<>();
    /** Works waiting in the queue after a failed attempt. */
    private int retrying;
    /** The same, for each partition that has any. */
    private final Map<Integer, Integer> retryingBy = new HashMap<>();

    /** The messages of one routed record still to settle. */
    private static final class Source {
        int remaining;
        final @Nullable Instant receivedAt;

        Source(@Nullable Instant receivedAt) {
            this.receivedAt = receivedAt;
        }
    }

    /**
     * Takes the messages planned from the record at {@code offset}; none means the record is done. A message
     * already waiting or being sent is not taken twice.
     */
    void add(int partition, long offset, @Nullable Instant receivedAt, List<Work> works) {
        lock.lock();
        try {
            next.merge(partition, offset + 1, Math::max);
            Source source = new Source(receivedAt);
            for (Work work : works) {
                if (messageIds.add(work.messageId())) {
                    source.remaining++;
                    hold(work);
                    enqueue(work);
                }
            }
            if (source.remaining > 0) {
                open.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, source);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a message (an alert) to the record of {@code parent}, before the parent is settled, so that the record's
     * offset is not committed until the alert is settled too. Ignored when the parent is stale.
     */
    void addFollowUp(Work parent, Work work) {
        lock.lock();
        try {
            Source source = current.containsKey(parent) ? source(parent) : null;
            if (source == null || !messageIds.add(work.messageId())) {
                return;
            }
            source.remaining++;
            hold(work);
            enqueue(work);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code max} messages of one partition due at {@code now}, earliest first; they are in progress until
     * handed back. The partition is the one whose first message is due earliest among those no sender is working
     * on, else among all.
     */
    List<Work> takeDue(Instant now, int max) {
        lock.lock();
        try {
            PriorityQueue<Work> queue = dueQueue(now);
            List<Work> due = new ArrayList<>();
            while (queue != null && due.size() < max && !queue.isEmpty() && !queue.peek().due().isAfter(now)) {
                Work work = queue.poll();
                if (work.attempts() > 0) {
                    retrying--;
                    retryingBy.computeIfPresent(work.partition(), (partition, count) -> count > 1 ? count - 1 : null);
                }
                due.add(work);
                inProgress.merge(work.partition(), 1, Integer::sum);
            }
            return due;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A message in progress is settled. Returns when its complaint was received if it was the last message of its
     * record and the record said so, else null.
     */
    @Nullable Instant settle(Work work) {
        lock.lock();
        try {
            done(work);
            if (!unhold(work)) {
                return null;
            }
            messageIds.remove(work.messageId());
            Source source = source(work);
            if (source == null || --source.remaining > 0) {
                return null;
            }
            open.get(work.partition()).remove(work.offset());
            return source.receivedAt;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A message in progress waits again, as {@code again} (a retry, or a ledger that was unavailable); a stale one
     * is dropped.
     */
    void giveBack(Work work, Work again) {
        lock.lock();
        try {
            done(work);
            if (!unhold(work)) {
                return;
            }
            hold(again);
            enqueue(again);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A message in progress is dropped: its partition is no longer this instance's to write. */
    void drop(Work work) {
        lock.lock();
        try {
            done(work);
            if (unhold(work)) {
                messageIds.remove(work.messageId());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets the partitions' messages, first waiting up to {@code patience} for those being sent to be settled, so
     * that a partition handed over in a rebalance carries no send in doubt. What is forgotten is planned again from
     * Kafka and the ledger by the partition's next owner.
     *
     * @return the offsets that may be committed for them, taken after the sends in progress were settled
     */
    Map<Integer, Long> release(Collection<Integer> partitions, Duration patience) {
        lock.lock();
        try {
            for (int partition : partitions) {
                PriorityQueue<Work> queue = queues.remove(partition);
                if (queue != null) {
                    retrying -= (int) queue.stream().filter(work -> work.attempts() > 0).count();
                }
                retryingBy.remove(partition);
            }
            long deadline = System.nanoTime() + patience.toNanos();
            while (partitions.stream().anyMatch(p -> inProgress.getOrDefault(p, 0) > 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(left);
            }
            Map<Integer, Long> committable = new HashMap<>();
            for (int partition : partitions) {
                Long position = committable(partition);
                if (position != null) {
                    committable.put(partition, position);
                }
                open.remove(partition);
                next.remove(partition);
                heldBy.remove(partition);
            }
            current.keySet().removeIf(work -> {
                if (partitions.contains(work.partition())) {
                    messageIds.remove(work.messageId());
                    return true;
                }
                return false;
            });
            return committable;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } finally {
            lock.unlock();
        }
    }

    private void hold(Work work) {
        current.put(work, Boolean.TRUE);
        heldBy.merge(work.partition(), 1, Integer::sum);
    }

    /** Whether the work was current, and is no longer. */
    private boolean unhold(Work work) {
        if (current.remove(work) == null) {
            return false;
        }
        heldBy.computeIfPresent(work.partition(), (partition, count) -> count > 1 ? count - 1 : null);
        return true;
    }

    /** {@link #active()} for each partition that has any. */
    Map<Integer, Integer> activeByPartition() {
        lock.lock();
        try {
            Map<Integer, Integer> active = new HashMap<>();
            heldBy.forEach((partition, held) -> {
                int count = held - retryingBy.getOrDefault(partition, 0);
                if (count > 0) {
                    active.put(partition, count);
                }
            });
            return active;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the work belongs to the current ownership of its partition. */
    boolean isCurrent(Work work) {
        lock.lock();
        try {
            return current.containsKey(work);
        } finally {
            lock.unlock();
        }
    }

    /** For each partition with records taken, the offset up to which everything is settled. */
    Map<Integer, Long> committable() {
        lock.lock();
        try {
            Map<Integer, Long> committable = new HashMap<>();
            for (int partition : next.keySet()) {
                committable.put(partition, committable(partition));
            }
            return committable;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Messages taken from Kafka and not yet settled that are not waiting for a retry: the ones that compete for the
     * senders now. Retries of an unreachable server do not count, so that one body's outage does not stop the
     * others' mail; they still count in {@link #size()}.
     */
    int active() {
        lock.lock();
        try {
            return current.size() - retrying;
        } finally {
            lock.unlock();
        }
    }

    /** Messages taken from Kafka and not yet settled: waiting or being sent. */
    int size() {
        lock.lock();
        try {
            return current.size();
        } finally {
            lock.unlock();
        }
    }

    /** The earliest due time, or null when nothing waits. */
    @Nullable Instant nextDue() {
        lock.lock();
        try {
            Instant earliest = null;
            for (PriorityQueue<Work> queue : queues.values()) {
                Work first = queue.peek();
                if (first != null && (earliest == null || first.due().isBefore(earliest))) {
                    earliest = first.due();
                }
            }
            return earliest;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until something is added or handed back, or {@code timeout} passes. */
    void awaitChange(Duration timeout) {
        lock.lock();
        try {
            changed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting sender (on stop). */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The queue of the partition to take from now, or null when nothing is due. */
    private @Nullable PriorityQueue<Work> dueQueue(Instant now) {
        PriorityQueue<Work> idle = null;
        PriorityQueue<Work> busy = null;
        for (Map.Entry<Integer, PriorityQueue<Work>> entry : queues.entrySet()) {
            Work first = entry.getValue().peek();
            if (first == null || first.due().isAfter(now)) {
                continue;
            }
            if (inProgress.getOrDefault(entry.getKey(), 0) == 0) {
                if (idle == null || first.due().isBefore(idle.peek().due())) {
                    idle = entry.getValue();
                }
            } else if (busy == null || first.due().isBefore(busy.peek().due())) {
                busy = entry.getValue();
            }
        }
        return idle != null ? idle : busy;
    }

    private void enqueue(Work work) {
        queues.computeIfAbsent(work.partition(), p -> new PriorityQueue<>(Comparator.comparing(Work::due))).add(work);
        if (work.attempts() > 0) {
            retrying++;
            retryingBy.merge(work.partition(), 1, Integer::sum);
        }
    }

    private @Nullable Long committable(int partition) {
        TreeMap<Long, Source> sources = open.get(partition);
        if (sources != null && !sources.isEmpty()) {
            return sources.firstKey();
        }
        return next.get(partition);
    }

    private @Nullable Source source(Work work) {
        TreeMap<Long, Source> sources = open.get(work.partition());
        return sources == null ? null : sources.get(work.offset());
    }

    private void done(Work work) {
        inProgress.merge(work.partition(), -1, Integer::sum);
        changed.signalAll();
    }
}
