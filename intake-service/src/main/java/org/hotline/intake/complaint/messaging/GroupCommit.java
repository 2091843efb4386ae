package org.hotline.intake.complaint.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.intake.complaint.application.IntakeMetrics;
import org.hotline.intake.complaint.application.PublicationFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit: requests that arrive while a transaction is being committed wait together and share the next
 * one. A committer thread takes everything waiting (at most {@code maxRequests}), hands it to the
 * {@link Transaction}, and then answers every request in it with the one outcome: all committed, or all failed.
 * There can be a few committers on the one queue, each running its own transactions (Kafka allows one open
 * transaction per producer), so that a batch can fill and be sent while the previous one commits.
 *
 * <p>Who decides: once the committer has taken a request, only the committer answers it, however long the
 * transaction takes (Kafka's own timeouts bound that), because a request that gave up on its own while its
 * transaction could still commit would answer 503 for a committed complaint. A request still waiting in the
 * queue is another matter: nothing of it has been sent, so when no transaction takes it within
 * {@code queueTimeout} it withdraws and answers 503. That keeps a request's wait bounded when the broker is
 * down and each failing transaction takes seconds.
 *
 * <p>Stopping (graceful shutdown) finishes the transaction in progress and fails what is still queued, so
 * every request answered "committed" before the stop is committed.
 *
 * @param <T> what one request contributes to a transaction
 */
final class GroupCommit<T> implements SmartLifecycle {

    /**
     * Below the web server's phases (Spring Boot's graceful shutdown and web server stop are at
     * {@code DEFAULT_PHASE - 1024} and {@code - 2048}): the committer starts before requests arrive and stops
     * only after graceful shutdown has let the requests in flight finish.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** How often an idle committer looks whether it was stopped. */
    private static final long IDLE_CHECK_MILLIS = 100;

    /** Runs one transaction over a batch; returns once it committed, throws once it aborted or failed. */
    @FunctionalInterface
    interface Transaction<T> {
        void commit(List<T> batch);

        /**
         * Readies what a committer's first transaction needs, once, before the committer takes requests (for Kafka:
         * a producer with its transactional id registered at the coordinator). Throws when it cannot; the first
         * transaction then does it itself.
         */
        default void prepare() {
        }
    }

    private final Transaction<T> transaction;
    private final int committers;
    private final int maxRequests;
    private final Duration linger;
    private final Duration queueTimeout;
    private final IntakeMetrics metrics;
    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private volatile boolean accepting;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger prepared = new AtomicInteger();

    /**
     * @param committers how many transactions may be under way at once, each on a thread of its own
     * @param maxRequests the most requests one transaction takes
     * @param linger how long the committer waits after the first request of a batch for more to arrive
     * @param queueTimeout how long a request waits for a transaction to take it before answering 503
     */
    GroupCommit(Transaction<T> transaction, int committers, int maxRequests, Duration linger, Duration queueTimeout,
            IntakeMetrics metrics) {
        if (committers < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("committers and maxRequests must be at least 1");
        }
        this.transaction = transaction;
        this.committers = committers;
        this.maxRequests = maxRequests;
        this.linger = linger;
        this.queueTimeout = queueTimeout;
        this.metrics = metrics;
    }

    /**
     * Blocks until the transaction that took {@code request} has committed.
     *
     * @throws PublicationFailedException when its transaction failed, when none took it within the queue
     *     timeout, or when the committer is stopped; in every case nothing of it becomes visible
     */
    void commit(T request) {
        Pending<T> pending = new Pending<>(request);
        queue.add(pending);
        // Read after the add: either the committer's final sweep (which runs after accepting turns false)
        // sees this request, or this thread sees the committer stopped; the claim decides who answers.
        if (!accepting && pending.withdraw()) {
            throw new PublicationFailedException("the intake is stopping", new IllegalStateException("stopped"));
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (pending.isTaken()) {
                        pending.outcome.get();
                    } else {
                        pending.outcome.get(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
                    }
                    return;
                } catch (TimeoutException e) {
                    if (pending.withdraw()) {
                        throw new PublicationFailedException("no transaction could take the complaint within "
                                + queueTimeout, e);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (pending.withdraw()) {
                        throw new PublicationFailedException("interrupted while waiting for a transaction", e);
                    }
                } catch (ExecutionException e) {
                    // One failure answers the whole batch; each request throws its own, with its own stack.
                    throw new PublicationFailedException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Requests waiting for a transaction, withdrawn ones included until the committer passes them. */
    int queued() {
        return queue.size();
    }

    /**
     * Whether every committer has readied its first transaction ({@link Transaction#prepare}), or tried to: until
     * then the instance is not ready for requests. Creating a transactional producer and registering its id took
     * over 5 s on a loaded two-core machine with three SASL_SSL brokers, and a first request that waited for it
     * was answered 503 (SecuredClusterIT, 2026-12-06).
     */
    boolean prepared() {
        return prepared.get() >= committers;
    }

    @Override
    public void start() {
        accepting = true;
        for (int i = 0; i < committers; i++) {
            Thread thread = new Thread(this::commitUntilStopped, "intake-group-commit-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Waits for the transactions under way; Kafka's timeouts bound them, so this cannot hang for long. */
    @Override
    public void stop() {
        accepting = false;
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        threads.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return !threads.isEmpty();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void commitUntilStopped() {
        List<Pending<T>> batch = new ArrayList<>(maxRequests);
        try {
            prepare();
            while (accepting) {
                Pending<T> first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                gather(first, batch);
                if (!batch.isEmpty()) {
                    commitBatch(batch);
                    batch.clear();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failAll(batch, "the intake stopped during its transaction");
            PublicationFailedException stopped = new PublicationFailedException("the intake is stopping",
                    new IllegalStateException("stopped"));
            Pending<T> left;
            while ((left = queue.poll()) != null) {
                if (left.take()) {
                    left.outcome.completeExceptionally(stopped);
                }
            }
        }
    }

    /** Requests that arrive meanwhile wait in the queue, within their queue timeout, as behind a transaction. */
    private void prepare() {
        try {
            transaction.prepare();
        } catch (RuntimeException e) {
            log.warn("A committer could not ready its first transaction; its first batch will ({})", e.toString());
        } finally {
            prepared.incrementAndGet();
        }
    }

    private void gather(Pending<T> first, List<Pending<T>> batch) throws InterruptedException {
        if (first.take()) {
            batch.add(first);
        }
        long lingerUntil = System.nanoTime() + linger.toNanos();
        while (batch.size() < maxRequests) {
            Pending<T> next = queue.poll();
            if (next == null) {
                long remaining = lingerUntil - System.nanoTime();
                next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return;
                }
            }
            if (next.take()) {
                batch.add(next);
            }
        }
    }

    private void commitBatch(List<Pending<T>> batch) {
        try {
            transaction.commit(batch.stream().map(Pending::request).toList());
        } catch (RuntimeException e) {
            metrics.transactionEnded(batch.size(), false);
            PublicationFailedException failure = e instanceof PublicationFailedException publication ? publication
                    : new PublicationFailedException("a transaction of " + batch.size() + " complaints failed", e);
            batch.forEach(pending -> pending.outcome.completeExceptionally(failure));
            return;
        }
        metrics.transactionEnded(batch.size(), true);
        batch.forEach(pending -> pending.outcome.complete(null));
    }

    private static <T> void failAll(List<Pending<T>> batch, String reason) {
        PublicationFailedException failure = new PublicationFailedException(reason, new IllegalStateException(reason));
        batch.forEach(pending -> pending.outcome.completeExceptionally(failure));
    }

    /** A request in the queue; exactly one of {@link #take} (committer) and {@link #withdraw} (request) wins. */
    private static final class Pending<T> {

        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int WITHDRAWN = 2;

        private final T request;
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CompletableFuture<@Nullable Void> outcome = new CompletableFuture<>();

        Pending(T request) {
            this.request = request;
        }

        T request() {
            return request;
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }

        boolean isTaken() {
            return state.get() == TAKEN;
        }
    }
}
