package org.hotline.notification.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Complaints;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RetryPolicy;
import org.hotline.notification.dispatch.domain.RoutedComplaint;
import org.hotline.notification.dispatch.support.RecordingMetrics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's promises, with an SMTP server and a ledger held in memory: the ledger outlives a dispatcher, as
 * the ledger topic outlives an instance, so a new dispatcher over the same ledger is a restart or the partition's
 * next owner. The real ledger on Kafka and a real SMTP server are in the integration tests.
 */
class DispatcherTest {

    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(1),
            Duration.ofHours(1));

    private final MovableClock clock = new MovableClock();
    private final FakeServer server = new FakeServer();
    private final MemoryLedger ledger = new MemoryLedger();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MessagePlanner planner = new MessagePlanner(Complaints.NGO, Complaints.PLACES, "notification.test");
    private final RoutedComplaint complaint = Complaints.complaint(ComplainantMode.OPEN, Complaints.aigerim(true),
            Complaints.antiCorruption(), Complaints.labourInspection());

    @Test
    void sendsEveryMessageOfADecisionOnceEvenWhenTheDecisionIsRedelivered() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);

        // when
        dispatcher.accept(0, 0, complaint);
        drain(dispatcher);
        dispatcher.accept(0, 1, complaint);
        drain(dispatcher);

        // then
        assertThat(server.accepted).hasSize(4).doesNotHaveDuplicates();
        assertThat(ledger.outcomes).hasSize(4).allMatch(Outcome::sent);
        assertThat(metrics.events).contains("sent authority-notice ru AUTHORITY", "sent authority-notice kk AUTHORITY",
                "sent complainant-acknowledgement kk COMPLAINANT", "sent caseworker-decision ru CASEWORKER",
                "endToEnd");
        assertThat(dispatcher.committable()).containsEntry(0, 2L);
        assertThat(dispatcher.backlog()).isZero();
    }

    @Test
    void writesEveryIntentOfABatchInOneLedgerWriteBeforeSendingAndTheResultsWithTheirOutcomesInAnother() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 0, complaint);

        // when
        drain(dispatcher);

        // then
        assertThat(ledger.writes).containsExactly("0: 4 INTENT, 0 outcomes", "0: 4 SENT, 4 outcomes");
        assertThat(server.intentsSeenAtSend).allMatch(intent -> intent == LedgerEntry.Status.INTENT);
    }

    @Test
    void aBatchTakesTheMessagesOfOnePartitionSoThatItsLedgerWritesAreOneTransactionEach() {
        // given two decisions on two partitions, all due at once
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 0, complaint);
        dispatcher.accept(1, 0, Complaints.another(complaint, "0f6c1c1e-2222-4a4a-9a9a-123456789abc",
                "HL-7F3K-9QX2-EFGH"));

        // when
        drain(dispatcher);

        // then
        assertThat(ledger.writes).containsExactly("0: 4 INTENT, 0 outcomes", "0: 4 SENT, 4 outcomes",
                "1: 4 INTENT, 0 outcomes", "1: 4 SENT, 4 outcomes");
        assertThat(server.accepted).hasSize(8);
    }

    @Test
    void timesEachStepOfABatchAndTheConnectionOnlyWhenItOpensOne() {
        // given a decision due for 3 s before a sender takes it
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 0, complaint);
        clock.advance(Duration.ofSeconds(3));

        // when two batches go over one connection
        dispatcher.sendDue(connection);
        dispatcher.accept(0, 1, Complaints.another(complaint, "0f6c1c1e-2222-4a4a-9a9a-123456789abc",
                "HL-7F3K-9QX2-EFGH"));
        dispatcher.sendDue(connection);

        // then
        assertThat(metrics.stages).containsExactly(BatchStage.WAITED, BatchStage.RENDERED, BatchStage.CONNECTED,
                BatchStage.INTENTS_WRITTEN, BatchStage.SENT, BatchStage.RESULTS_WRITTEN,
                BatchStage.WAITED, BatchStage.RENDERED, BatchStage.INTENTS_WRITTEN, BatchStage.SENT,
                BatchStage.RESULTS_WRITTEN);
        assertThat(metrics.waits).first().isEqualTo(Duration.ofSeconds(3));
        assertThat(metrics.waits).last().isEqualTo(Duration.ZERO);
    }

    @Test
    void commitsARecordsOffsetOnlyOnceEveryMessageOfItIsSettled() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 7, complaint);
        server.down = true;

        // when the server is down, then back
        drain(dispatcher);
        Map<Integer, Long> whileDown = dispatcher.committable();
        server.down = false;
        clock.advance(Duration.ofSeconds(5));
        drain(dispatcher);

        // then
        assertThat(whileDown).containsEntry(0, 7L);
        assertThat(dispatcher.committable()).containsEntry(0, 8L);
    }

    @Test
    void messagesWaitingToRetryAnUnreachableBodyDoNotCountAmongThoseCompetingForTheSenders() {
        // given one body whose server does not answer
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        server.unreachable.add("labour@authority.example");

        // when
        dispatcher.accept(0, 0, complaint);
        drain(dispatcher);

        // then the consumer, which pauses on the active backlog, keeps reading for the other bodies
        assertThat(server.accepted).hasSize(3);
        assertThat(dispatcher.backlog()).isEqualTo(1);
        assertThat(dispatcher.activeBacklog()).isZero();
        assertThat(dispatcher.committable()).containsEntry(0, 0L);
    }

    @Test
    void countsEachPartitionsCompetingMessagesApartSoThatTheConsumerCanPauseTheDeepOneAlone() {
        // given a record of partition 1 read twice, one of whose bodies does not answer, and one of partition 0
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        server.unreachable.add("labour@authority.example");
        dispatcher.accept(1, 0, complaint);
        dispatcher.accept(1, 1, complaint);
        dispatcher.accept(0, 0, anotherComplaint());
        Map<Integer, Integer> before = dispatcher.activeBacklogByPartition();

        // when the reachable bodies have been sent to
        drain(dispatcher);
        Map<Integer, Integer> afterSending = dispatcher.activeBacklogByPartition();
        // and partition 1, holding the retry, goes to another instance and comes back with a new record
        dispatcher.release(List.of(1), Duration.ofSeconds(1));
        int heldAfterRelease = dispatcher.backlog();
        dispatcher.accept(1, 2, anotherComplaint());

        // then each partition counts its own messages (a redelivered message once); a retry counts in neither, and
        // a released partition starts its count again from nothing
        assertThat(before).containsOnly(Map.entry(1, 4), Map.entry(0, 2));
        assertThat(afterSending).isEmpty();
        assertThat(heldAfterRelease).isZero();
        assertThat(dispatcher.activeBacklogByPartition()).containsOnly(Map.entry(1, 2));
    }

    @Test
    void retriesTransientFailuresWithGrowingWaitsAndDeliversOnceTheServerIsBack() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 0, complaint);
        server.down = true;

        // when the server is down for three attempts
        dispatcher.sendDue(connection);
        clock.advance(Duration.ofSeconds(4));
        int beforeTheFirstWaitEnds = dispatcher.sendDue(connection);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.sendDue(connection);
        clock.advance(Duration.ofSeconds(10));
        dispatcher.sendDue(connection);
        server.down = false;
        clock.advance(Duration.ofSeconds(20));
        drain(dispatcher);

        // then
        assertThat(beforeTheFirstWaitEnds).isZero();
        assertThat(server.accepted).hasSize(4).doesNotHaveDuplicates();
        assertThat(ledger.outcomes).hasSize(4).allMatch(Outcome::sent).allMatch(outcome -> outcome.attempts() == 4);
        assertThat(metrics.events).filteredOn(event -> event.startsWith("retried")).hasSize(12);
    }

    @Test
    void aRestartPicksUpARetryWhereTheLedgerLeftIt() {
        // given a first run that failed once to reach the server
        Dispatcher first = start(InDoubtPolicy.FLAG);
        first.accept(0, 0, complaint);
        server.down = true;
        drain(first);
        server.down = false;

        // when the next owner reads the record again
        Dispatcher next = start(InDoubtPolicy.FLAG);
        next.accept(0, 0, complaint);
        int beforeTheWaitEnds = next.sendDue(connection);
        clock.advance(Duration.ofSeconds(5));
        drain(next);

        // then
        assertThat(beforeTheWaitEnds).isZero();
        assertThat(ledger.outcomes).hasSize(4).allMatch(outcome -> outcome.attempts() == 2);
    }

    @Test
    void reportsAPermanentRejectionWithoutRetryingAndAlertsTheCaseworkers() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        server.rejected.add("labour@authority.example");

        // when
        dispatcher.accept(0, 0, complaint);
        drain(dispatcher);
        clock.advance(Duration.ofHours(2));
        drain(dispatcher);

        // then
        assertThat(ledger.outcomes).filteredOn(outcome -> !outcome.sent()).singleElement().satisfies(failed -> {
            assertThat(failed.authorityId()).isEqualTo("kz-39-labour");
            assertThat(failed.failure()).isEqualTo(FailureClass.REJECTED);
            assertThat(failed.attempts()).isEqualTo(1);
        });
        assertThat(server.attempts).filteredOn("labour@authority.example"::equals).hasSize(1);
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
        assertThat(metrics.events).contains("failed authority-notice kk AUTHORITY REJECTED");
        assertThat(dispatcher.committable()).containsEntry(0, 1L);
    }

    @Test
    void sendsTheAlertAboutAFailureThatAnEarlierOwnerRecordedButDidNotAlert() {
        // given a message failed for good whose alert was never sent (its owner died right after)
        Dispatcher first = start(InDoubtPolicy.FLAG);
        PlannedMessage rejected = planner.plan(complaint).get(0);
        ledger.write(0, List.of(entry(rejected, LedgerEntry.Status.FAILED, FailureClass.REJECTED)),
                List.of());

        // when
        Dispatcher next = start(InDoubtPolicy.FLAG);
        next.accept(0, 0, complaint);
        drain(next);

        // then
        assertThat(server.acceptedTemplates()).containsOnlyOnce(MessagePlanner.CASEWORKER_ALERT).hasSize(4);
        assertThat(server.acceptedIds).doesNotContain(rejected.messageId());
        assertThat(first.backlog()).isZero();
    }

    @Test
    void refusesAHeaderInjectingAddressBeforeSendingAnything() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        RoutedComplaint hostile = Complaints.complaint(ComplainantMode.CONFIDENTIAL,
                new RoutedComplaint.Complainant(null, "bad\r\nBcc: x@evil.example", null,
                        org.hotline.notification.dispatch.domain.Language.RU, true, "T", false),
                Complaints.antiCorruption());

        // when
        dispatcher.accept(0, 0, hostile);
        drain(dispatcher);

        // then
        assertThat(ledger.outcomes).filteredOn(outcome -> !outcome.sent()).singleElement()
                .satisfies(failed -> assertThat(failed.failure()).isEqualTo(FailureClass.INVALID_ADDRESS));
        assertThat(server.attempts).noneMatch(to -> to.contains("evil"));
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
    }

    @Test
    void flagsASendInterruptedByACrashAndDoesNotResendItByDefault() {
        // given a run that died after recording the intent of a send
        String interrupted = planner.plan(complaint).get(0).messageId();
        ledger.write(0, List.of(entry(planner.plan(complaint).get(0), LedgerEntry.Status.INTENT, null)), List.of());

        // when the partition's next owner reads the record again
        Dispatcher restarted = start(InDoubtPolicy.FLAG);
        restarted.accept(0, 0, complaint);
        drain(restarted);

        // then
        assertThat(metrics.events).contains("inDoubt 1");
        assertThat(server.acceptedIds).doesNotContain(interrupted).hasSize(4);
        assertThat(ledger.outcomes).filteredOn(outcome -> outcome.messageId().equals(interrupted)).singleElement()
                .satisfies(outcome -> assertThat(outcome.failure()).isEqualTo(FailureClass.IN_DOUBT));
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
    }

    @Test
    void resendsAnInterruptedSendWhenThePolicySaysSo() {
        // given
        PlannedMessage interrupted = planner.plan(complaint).get(0);
        ledger.write(0, List.of(entry(interrupted, LedgerEntry.Status.INTENT, null)), List.of());

        // when
        Dispatcher restarted = start(InDoubtPolicy.RESEND);
        restarted.accept(0, 0, complaint);
        drain(restarted);

        // then
        assertThat(server.acceptedIds).contains(interrupted.messageId());
        assertThat(ledger.outcomes).filteredOn(outcome -> outcome.messageId().equals(interrupted.messageId()))
                .singleElement().satisfies(outcome -> assertThat(outcome.attempts()).isEqualTo(2));
    }

    @Test
    void flagsASendWhoseReplyWasLostAndDoesNotRetryItByDefault() {
        // given a server that takes one message but whose answer never arrives
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        server.answerLost.add("anticorruption@authority.example");

        // when
        dispatcher.accept(0, 0, complaint);
        drain(dispatcher);
        clock.advance(Duration.ofMinutes(2));
        drain(dispatcher);

        // then the message reached the server once, is not retried, and a caseworker is told
        assertThat(server.attempts).filteredOn("anticorruption@authority.example"::equals).hasSize(1);
        assertThat(metrics.events).contains("inDoubt 1");
        assertThat(ledger.outcomes).filteredOn(outcome -> !outcome.sent()).singleElement()
                .satisfies(outcome -> assertThat(outcome.failure()).isEqualTo(FailureClass.IN_DOUBT));
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
        assertThat(server.acceptedIds).doesNotHaveDuplicates();
    }

    @Test
    void settlesAnUnexpectedFailureDuringASendAsInDoubtInsteadOfLeavingItUnrecorded() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        server.crashes.add("anticorruption@authority.example");

        // when
        dispatcher.accept(0, 0, complaint);
        drain(dispatcher);
        clock.advance(Duration.ofMinutes(2));
        drain(dispatcher);

        // then the other messages go, and the one that crashed is flagged, not left pending
        assertThat(ledger.outcomes).filteredOn(outcome -> !outcome.sent()).singleElement()
                .satisfies(outcome -> assertThat(outcome.failure()).isEqualTo(FailureClass.IN_DOUBT));
        assertThat(server.acceptedIds).hasSize(4);
        assertThat(dispatcher.backlog()).isZero();
    }

    @Test
    void sendsNothingWhileTheLedgerCannotRecordIntentsAndEverythingOnceItCan() {
        // given
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 0, complaint);
        ledger.unavailableWrites = 1;

        // when
        drain(dispatcher);
        List<String> duringTheOutage = List.copyOf(server.accepted);
        clock.advance(Duration.ofSeconds(1));
        drain(dispatcher);

        // then
        assertThat(duringTheOutage).isEmpty();
        assertThat(server.accepted).hasSize(4).doesNotHaveDuplicates();
        assertThat(ledger.outcomes).hasSize(4).allMatch(Outcome::sent).extracting(Outcome::messageId)
                .doesNotHaveDuplicates();
    }

    @Test
    void recordsTheResultsOfSentMessagesOnceTheLedgerIsBackAndPublishesEachOutcomeOnce() {
        // given intents recorded, then the ledger unavailable for the results' first two tries
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        dispatcher.accept(0, 0, complaint);
        ledger.unavailableAfterIntents = 2;

        // when
        drain(dispatcher);

        // then
        assertThat(server.accepted).hasSize(4).doesNotHaveDuplicates();
        assertThat(ledger.outcomes).hasSize(4).extracting(Outcome::messageId).doesNotHaveDuplicates();
        assertThat(dispatcher.committable()).containsEntry(0, 1L);
    }

    @Test
    void aPartitionLostBeforeItsResultsWereRecordedIsRecordedAsSentByItsNextOwnerFromTheSentMarkers() {
        // given an instance whose partition is taken over after its sends and before their results were recorded
        Dispatcher stale = start(InDoubtPolicy.FLAG);
        stale.accept(0, 0, complaint);
        ledger.lostAfterIntents = true;
        drain(stale);
        int sentByTheStaleOwner = server.accepted.size();

        // when the next owner reads the record again
        Dispatcher next = start(InDoubtPolicy.FLAG);
        next.accept(0, 0, complaint);
        drain(next);

        // then nothing is sent again and each message gets its SENT outcome, none in doubt
        assertThat(sentByTheStaleOwner).isEqualTo(4);
        assertThat(server.accepted).hasSize(4);
        assertThat(ledger.outcomes).hasSize(4).allMatch(Outcome::sent);
        assertThat(metrics.events).noneMatch(event -> event.startsWith("inDoubt"));
        assertThat(stale.backlog()).isZero();
        assertThat(next.backlog()).isZero();
    }

    @Test
    void aPartitionLostBeforeItsResultsOrMarkersWereWrittenLeavesThemInDoubtForItsNextOwnerWhoDoesNotResend() {
        // given an instance that dies after its sends, before either their markers or their results were written
        Dispatcher stale = start(InDoubtPolicy.FLAG);
        stale.accept(0, 0, complaint);
        ledger.lostAfterIntents = true;
        ledger.markersLost = true;
        drain(stale);

        // when the next owner reads the record again
        Dispatcher next = start(InDoubtPolicy.FLAG);
        next.accept(0, 0, complaint);
        drain(next);

        // then nothing is sent twice; each message is flagged, with an alert
        assertThat(server.acceptedIds).doesNotHaveDuplicates();
        assertThat(ledger.outcomes).filteredOn(outcome -> !outcome.template().equals(MessagePlanner.CASEWORKER_ALERT))
                .hasSize(4).allMatch(outcome -> outcome.failure() == FailureClass.IN_DOUBT);
        assertThat(server.acceptedTemplates()).filteredOn(MessagePlanner.CASEWORKER_ALERT::equals).hasSize(4);
    }

    @Test
    void releasingAPartitionForgetsItsWaitingMessagesAndKeepsItsOffsetAtTheOldestUnsettledRecord() {
        // given messages of two partitions waiting for a server that is down
        Dispatcher dispatcher = start(InDoubtPolicy.FLAG);
        server.down = true;
        dispatcher.accept(0, 3, complaint);
        dispatcher.accept(1, 9, anotherComplaint());
        drain(dispatcher);

        // when partition 0 goes to another instance
        Map<Integer, Long> committable = dispatcher.release(List.of(0), Duration.ofSeconds(1));

        // then
        assertThat(committable).containsEntry(0, 3L);
        assertThat(dispatcher.backlog()).isEqualTo(2);
        assertThat(dispatcher.committable()).doesNotContainKey(0).containsEntry(1, 9L);
    }

    /** An open complaint to the anti-corruption service alone, with message ids of its own. */
    private static RoutedComplaint anotherComplaint() {
        RoutedComplaint other = Complaints.complaint(ComplainantMode.OPEN, Complaints.aigerim(false),
                Complaints.antiCorruption());
        return new RoutedComplaint(other.eventId(), java.util.UUID.randomUUID(), "HL-OTHER",
                other.receivedAt(), false, other.rulesVersion(), other.assignments(), other.incident(), other.place(),
                other.workplace(), other.accused(), false, false, other.mode(), other.complainant());
    }

    private Dispatcher start(InDoubtPolicy policy) {
        return new Dispatcher(ledger, server, new FakeRenderer(), planner, metrics, RETRY, policy, 50,
                Duration.ofMillis(1), clock, MessageTraces.off());
    }

    private final Dispatcher.Connection connection = new Dispatcher.Connection();

    private void drain(Dispatcher dispatcher) {
        while (dispatcher.sendDue(connection) > 0) {
            connection.close();
        }
    }

    private LedgerEntry entry(PlannedMessage message, LedgerEntry.Status status, @Nullable FailureClass failure) {
        return new LedgerEntry(message.messageId(), 0, message.complaintId(), message.reference(),
                message.receivedAt(), message.recipientType(), message.authorityId(), message.template(),
                message.language(), status, 1, failure, clock.instant(), clock.instant());
    }

    /** The ledger in memory; it can be unavailable for some writes, or lose its partition after the intents. */
    private final class MemoryLedger implements Ledger {
        final Map<String, LedgerEntry.Known> known = new HashMap<>();
        final List<Outcome> outcomes = new ArrayList<>();
        final List<String> writes = new ArrayList<>();
        int unavailableWrites;
        int unavailableAfterIntents;
        boolean lostAfterIntents;
        boolean markersLost;

        @Override
        public LedgerEntry.@Nullable Known find(int partition, String messageId) {
            return known.get(messageId);
        }

        @Override
        public void write(int partition, List<LedgerEntry> entries, List<Outcome> settled) {
            boolean intents = entries.stream().allMatch(entry -> entry.status() == LedgerEntry.Status.INTENT);
            if (unavailableWrites > 0) {
                unavailableWrites--;
                throw new LedgerUnavailableException("broker down", new RuntimeException());
            }
            if (!intents && unavailableAfterIntents > 0) {
                unavailableAfterIntents--;
                throw new LedgerUnavailableException("broker down", new RuntimeException());
            }
            if (!intents && lostAfterIntents) {
                lostAfterIntents = false;
                throw new PartitionLostException(partition, "fenced", null);
            }
            entries.forEach(entry -> known.put(entry.messageId(), entry.known()));
            outcomes.addAll(settled);
            writes.add(partition + ": " + entries.size() + " " + entries.get(0).status() + ", " + settled.size()
                    + " outcomes");
        }

        /** As on Kafka, a marker that comes after the recorded result changes nothing. */
        @Override
        public void markSent(LedgerEntry sent, Runnable whenDurable) {
            if (markersLost) {
                return;
            }
            LedgerEntry.Known before = known.get(sent.messageId());
            if (before == null || !before.status().settled()) {
                known.put(sent.messageId(), LedgerEntry.Known.of(sent.status(), sent.attempts(), null,
                        sent.queuedAt(), sent.at(), false));
            }
            whenDurable.run();
        }
    }

    /** Renders a message as {@code to|template}, refusing addresses with line breaks like the real one. */
    private static final class FakeRenderer implements MailRenderer {
        @Override
        public byte[] render(PlannedMessage message) {
            if (message.to().contains("\n")) {
                throw new UndeliverableMessageException("line break in address");
            }
            return (message.to() + "|" + message.template()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** An SMTP server that can be down, or reject some recipients with 5xx. */
    private final class FakeServer implements MailGateway {
        final List<LedgerEntry.@Nullable Status> intentsSeenAtSend = new ArrayList<>();
        final List<String> accepted = new ArrayList<>();
        final List<String> acceptedIds = new ArrayList<>();
        final List<String> attempts = new ArrayList<>();
        final Set<String> rejected = new HashSet<>();
        final Set<String> answerLost = new HashSet<>();
        final Set<String> crashes = new HashSet<>();
        final Set<String> unreachable = new HashSet<>();
        boolean down;

        @Override
        public Session open() {
            if (down) {
                throw new DeliveryException(FailureClass.TRANSIENT, "connection refused", new RuntimeException());
            }
            return new Session() {
                @Override
                public void send(QueuedMessage message) {
                    LedgerEntry.Known intent = ledger.known.get(message.messageId());
                    // the ledger must say INTENT (not yet a marker) when the message leaves
                    intentsSeenAtSend.add(intent == null ? null : intent.status());
                    String content = new String(message.mime(), StandardCharsets.UTF_8);
                    String to = content.substring(0, content.indexOf('|'));
                    attempts.add(to);
                    if (crashes.remove(to)) {
                        throw new IllegalStateException("a bug in the mail library");
                    }
                    if (unreachable.contains(to)) {
                        throw new DeliveryException(FailureClass.TRANSIENT, "421 try again later",
                                new RuntimeException());
                    }
                    if (rejected.contains(to)) {
                        throw new DeliveryException(FailureClass.REJECTED, "550 no such user",
                                new RuntimeException());
                    }
                    accepted.add(content);
                    acceptedIds.add(message.messageId());
                    if (answerLost.remove(to)) {
                        throw new DeliveryException(FailureClass.IN_DOUBT, "no reply to the message data",
                                new RuntimeException());
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        List<String> acceptedTemplates() {
            return accepted.stream().map(content -> content.substring(content.indexOf('|') + 1)).toList();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-24T06:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
