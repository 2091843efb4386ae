package org.hotline.keys;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Catch-ups asked for by finders and run by the follower, in numbered rounds. A finder joins the round that has not
 * started yet, so finders asking at the same time share one; the follower starts it by taking the topic's end
 * offsets, which are then those after every request of the round, and completes it once it has stored the topic up
 * to them. Completing a round completes the earlier ones too: its end offsets were taken after their requests.
 */
final class CatchUps {

    private final Runnable nudge;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    /** The round that a request made now joins. */
    private long open = 1;
    private boolean requested;
    /** Every round up to this one is complete. */
    private long completed;
    private boolean closed;

    /**
     * {@code nudge} is run by the first finder to join a round, to wake the follower from its wait for records: the
     * round then starts at once rather than at its next turn.
     */
    CatchUps(Runnable nudge) {
        this.nudge = nudge;
    }

    /**
     * Joins the next round and waits for it for at most {@code timeout}. True when it completed: the store then
     * holds every record committed to the topic before this call.
     */
    boolean await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long round = open;
            if (!requested) {
                requested = true;
                nudge.run();
            }
            long nanos = timeout.toNanos();
            while (completed < round) {
                if (closed) {
                    throw new IllegalStateException("the complaint key store is closed");
                }
                if (nanos <= 0) {
                    return false;
                }
                nanos = progressed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Asks for a round without waiting for it: the follower's own, to learn and record that it is up to date. */
    void request() {
        lock.lock();
        try {
            requested = true;
        } finally {
            lock.unlock();
        }
    }

    /** For the follower: the round to start now, closed to new requests; 0 when nobody asked since the last one. */
    long start() {
        lock.lock();
        try {
            if (!requested) {
                return 0;
            }
            requested = false;
            return open++;
        } finally {
            lock.unlock();
        }
    }

    /** For the follower: {@code round} and every round before it are complete. */
    void complete(long round) {
        lock.lock();
        try {
            completed = Math.max(completed, round);
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter, to fail. */
    void close() {
        lock.lock();
        try {
            closed = true;
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
