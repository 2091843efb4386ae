package org.hotline.intake.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hotline.intake.complaint.application.IntakeMetrics;
import org.hotline.intake.complaint.application.NoIntakeMetrics;
import org.hotline.intake.complaint.application.PublicationFailedException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The committer's queue and batches, with a transaction that the test holds open or fails at will. */
class GroupCommitTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private final HeldTransaction transaction = new HeldTransaction();
    private final RecordedMetrics metrics = new RecordedMetrics();
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private GroupCommit<String> groupCommit;

    @AfterEach
    void stop() {
        transaction.releasePreparations();
        transaction.releaseAll();
        if (groupCommit != null) {
            groupCommit.stop();
        }
        requests.shutdownNow();
    }

    @Test
    void requestsThatArriveWhileATransactionCommitsShareTheNextOne() throws Exception {
        groupCommit = started(500, Duration.ZERO, LONG);
        Future<Void> first = submit("first");
        transaction.awaitOpen(1);

        List<Future<Void>> waiting = queued("waiting-", 5);
        transaction.releaseAll();

        answered(first);
        answered(waiting);
        assertThat(transaction.batches()).hasSize(2);
        assertThat(transaction.batches().get(0)).containsExactly("first");
        assertThat(transaction.batches().get(1))
                .containsExactlyInAnyOrder("waiting-0", "waiting-1", "waiting-2", "waiting-3", "waiting-4");
        assertThat(metrics.committed).containsExactly(1, 5);
    }

    @Test
    void takesNoMoreThanTheLargestBatchIntoOneTransaction() throws Exception {
        groupCommit = started(2, Duration.ZERO, LONG);
        Future<Void> first = submit("first");
        transaction.awaitOpen(1);
        List<Future<Void>> waiting = queued("waiting-", 5);

        transaction.releaseAll();
        answered(first);
        answered(waiting);

        assertThat(transaction.batches()).extracting(List::size).containsExactly(1, 2, 2, 1);
    }

    @Test
    void withTwoCommittersASecondTransactionRunsWhileTheFirstIsStillOpen() throws Exception {
        groupCommit = new GroupCommit<>(transaction, 2, 500, Duration.ZERO, LONG, metrics);
        groupCommit.start();
        Future<Void> first = submit("first");
        transaction.awaitOpen(1);

        Future<Void> second = submit("second");

        transaction.awaitOpen(2);
        transaction.releaseAll();
        answered(List.of(first, second));
        assertThat(transaction.batches()).containsExactlyInAnyOrder(List.of("first"), List.of("second"));
    }

    @Test
    void waitsTheLingerForOthersToJoinTheFirstRequest() throws Exception {
        groupCommit = started(500, Duration.ofSeconds(2), LONG);
        transaction.releaseAll();

        answered(IntStream.range(0, 3).mapToObj(i -> submit("together-" + i)).toList());

        assertThat(transaction.batches()).hasSize(1);
        assertThat(transaction.batches().get(0)).hasSize(3);
    }

    @Test
    void answersEveryRequestOfAFailedTransactionWithPublicationFailed() throws Exception {
        groupCommit = started(500, Duration.ZERO, LONG);
        Future<Void> first = submit("first");
        transaction.awaitOpen(1);
        List<Future<Void>> waiting = queued("waiting-", 3);

        transaction.failNext(new IllegalStateException("broker gone"));
        transaction.failNext(new IllegalStateException("broker still gone"));
        transaction.releaseAll();

        assertThat(List.of(first, waiting.get(0), waiting.get(1), waiting.get(2))).allSatisfy(request ->
                assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(PublicationFailedException.class));
        assertThat(metrics.failed).containsExactly(1, 3);
        assertThat(metrics.committed).isEmpty();
    }

    @Test
    void aRequestNoTransactionTakesWithinTheQueueTimeoutIsRefusedAndNeverSent() throws Exception {
        groupCommit = started(500, Duration.ZERO, Duration.ofMillis(300));
        Future<Void> first = submit("first");
        transaction.awaitOpen(1);

        Future<Void> stuck = submit("stuck");

        assertThatThrownBy(() -> stuck.get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(PublicationFailedException.class).hasMessageContaining("no transaction");
        transaction.releaseAll();
        answered(first);
        answered(submit("later"));
        assertThat(transaction.batches()).containsExactly(List.of("first"), List.of("later"));
    }

    @Test
    void aRequestWhoseTransactionIsUnderWayWaitsForItsOutcomeBeyondTheQueueTimeout() throws Exception {
        groupCommit = started(500, Duration.ZERO, Duration.ofMillis(100));
        Future<Void> slow = submit("slow");
        transaction.awaitOpen(1);

        await().during(Duration.ofMillis(500)).atMost(LONG).until(() -> !slow.isDone());
        transaction.releaseAll();

        answered(slow);
        assertThat(transaction.batches()).containsExactly(List.of("slow"));
    }

    @Test
    void stoppingFinishesTheTransactionUnderWayAndRefusesWhatIsStillQueued() throws Exception {
        groupCommit = started(500, Duration.ZERO, LONG);
        Future<Void> underWay = submit("under-way");
        transaction.awaitOpen(1);
        List<Future<Void>> queued = queued("queued-", 3);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(groupCommit::stop, requests);
        await().during(Duration.ofMillis(200)).atMost(LONG).until(() -> !stopped.isDone());
        transaction.releaseAll();
        stopped.get(30, TimeUnit.SECONDS);

        answered(underWay);
        assertThat(queued).allSatisfy(request -> assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(PublicationFailedException.class).hasMessageContaining("stopping"));
        assertThatThrownBy(() -> submit("after").get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(PublicationFailedException.class);
        assertThat(transaction.batches()).containsExactly(List.of("under-way"));
        assertThat(groupCommit.isRunning()).isFalse();
    }

    @Test
    void eachCommitterReadiesItsFirstTransactionBeforeItTakesARequestAndIsNotPreparedUntilThen() throws Exception {
        // given two committers whose preparation the test holds
        transaction.holdPreparations();
        groupCommit = new GroupCommit<>(transaction, 2, 500, Duration.ZERO, LONG, metrics);
        groupCommit.start();
        transaction.awaitPreparing(2);

        // when a request arrives while they prepare
        Future<Void> early = submit("early");

        // then it waits in the queue, and the instance is not prepared, until both have readied theirs
        await().atMost(LONG).until(() -> groupCommit.queued() == 1);
        assertThat(groupCommit.prepared()).isFalse();
        assertThat(transaction.batches()).isEmpty();
        transaction.releasePreparations();
        transaction.releaseAll();
        answered(early);
        await().atMost(LONG).until(groupCommit::prepared);
        assertThat(transaction.batches()).containsExactly(List.of("early"));
    }

    @Test
    void aCommitterThatCouldNotReadyItsFirstTransactionStillTakesRequests() throws Exception {
        // given a preparation that fails, as with the broker out of reach at start
        transaction.failPreparations(new IllegalStateException("no broker"));

        // when
        groupCommit = started(500, Duration.ZERO, LONG);
        transaction.releaseAll();

        // then the instance counts as prepared, and its first batch goes on
        await().atMost(LONG).until(groupCommit::prepared);
        answered(submit("first"));
        assertThat(transaction.batches()).containsExactly(List.of("first"));
    }

    private GroupCommit<String> started(int maxRequests, Duration linger, Duration queueTimeout) {
        GroupCommit<String> started = new GroupCommit<>(transaction, 1, maxRequests, linger, queueTimeout,
                metrics);
        started.start();
        return started;
    }

    /** {@code count} requests named {@code prefix0}... submitted, once every one of them waits in the queue. */
    private List<Future<Void>> queued(String prefix, int count) {
        List<Future<Void>> queued = IntStream.range(0, count).mapToObj(i -> submit(prefix + i)).toList();
        await().atMost(LONG).until(() -> groupCommit.queued() == count);
        return queued;
    }

    private static void answered(Future<Void> request) throws Exception {
        request.get(30, TimeUnit.SECONDS);
    }

    private static void answered(List<Future<Void>> requests) throws Exception {
        for (Future<Void> request : requests) {
            answered(request);
        }
    }

    private Future<Void> submit(String request) {
        return requests.submit(() -> {
            groupCommit.commit(request);
            return null;
        });
    }

    /** A transaction that stays open until the test releases it, and fails when told to. */
    private static final class HeldTransaction implements GroupCommit.Transaction<String> {

        private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        private final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger preparing = new AtomicInteger();
        private volatile CountDownLatch preparationsReleased = new CountDownLatch(0);
        private volatile @Nullable RuntimeException preparationFailure;

        @Override
        public void prepare() {
            preparing.incrementAndGet();
            awaitRelease(preparationsReleased, "the preparations");
            RuntimeException failure = preparationFailure;
            if (failure != null) {
                throw failure;
            }
        }

        void holdPreparations() {
            preparationsReleased = new CountDownLatch(1);
        }

        void awaitPreparing(int count) {
            await().atMost(LONG).until(() -> preparing.get() >= count);
        }

        void releasePreparations() {
            preparationsReleased.countDown();
        }

        void failPreparations(RuntimeException failure) {
            preparationFailure = failure;
        }

        @Override
        public void commit(List<String> batch) {
            batches.add(List.copyOf(batch));
            awaitRelease(released, "the transaction");
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
        }

        private static void awaitRelease(CountDownLatch latch, String what) {
            try {
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void awaitOpen(int count) {
            await().atMost(LONG).until(() -> batches.size() >= count);
        }

        void releaseAll() {
            released.countDown();
        }

        void failNext(RuntimeException failure) {
            failures.add(failure);
        }

        List<List<String>> batches() {
            return List.copyOf(batches);
        }
    }

    private static final class RecordedMetrics extends NoIntakeMetrics {

        final List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> failed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void transactionEnded(int complaints, boolean committed) {
            (committed ? this.committed : this.failed).add(complaints);
        }
    }
}
