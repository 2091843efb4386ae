package org.hotline.notification.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.hotline.notification.dispatch.ledger.FileOutbox;
import org.hotline.notification.dispatch.support.RecordingMetrics;
import org.hotline.notification.sealing.domain.FieldSealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DispatcherTest {

    private static final FieldSealer SEALER = new FieldSealer("k", Map.of("k", new byte[32]));
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(1),
            Duration.ofHours(1));

    @TempDir
    Path ledger;

    private final MovableClock clock = new MovableClock();
    private final FakeServer server = new FakeServer();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MessagePlanner planner = new MessagePlanner(Complaints.NGO, "notification.test");
    private boolean brokerDown;
    private final RoutedComplaint complaint = Complaints.complaint(ComplainantMode.OPEN, Complaints.aigerim(true),
            Complaints.antiCorruption(), Complaints.labourInspection());

    @Test
    void sendsEveryMessageOfADecisionOnceEvenWhenTheDecisionIsRedelivered() {
        // given
        Service service = start(InDoubtPolicy.FLAG);

        // when
        service.planning.handle(complaint);
        service.dispatcher.dispatchDue();
        service.planning.handle(complaint);
        service.dispatcher.dispatchDue();

        // then
        assertThat(server.accepted).hasSize(4).doesNotHaveDuplicates();
        assertThat(outcomes).hasSize(4).allMatch(Outcome::sent);
        assertThat(metrics.events).contains("sent authority-notice ru AUTHORITY", "sent authority-notice kk AUTHORITY",
                "sent complainant-acknowledgement kk COMPLAINANT", "sent caseworker-decision ru CASEWORKER",
                "endToEnd");
    }

    @Test
    void retriesTransientFailuresWithGrowingWaitsAndDeliversOnceTheServerIsBack() {
        // given
        Service service = start(InDoubtPolicy.FLAG);
        service.planning.handle(complaint);
        server.down = true;

        // when the server is down for three attempts
        service.dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(4));
        int beforeTheFirstWaitEnds = service.dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(1));
        service.dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(10));
        service.dispatcher.dispatchDue();
        server.down = false;
        clock.advance(Duration.ofSeconds(20));
        service.dispatcher.dispatchDue();

        // then
        assertThat(beforeTheFirstWaitEnds).isZero();
        assertThat(server.accepted).hasSize(4).doesNotHaveDuplicates();
        assertThat(outcomes).hasSize(4).allMatch(Outcome::sent).allMatch(outcome -> outcome.attempts() == 4);
        assertThat(metrics.events).filteredOn(event -> event.startsWith("retried")).hasSize(12);
    }

    @Test
    void reportsAPermanentRejectionWithoutRetryingAndAlertsTheCaseworkers() {
        // given
        Service service = start(InDoubtPolicy.FLAG);
        server.rejected.add("labour@authority.example");

        // when
        service.planning.handle(complaint);
        service.dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(2));
        service.dispatcher.dispatchDue();

        // then
        assertThat(outcomes).filteredOn(outcome -> !outcome.sent()).singleElement().satisfies(failed -> {
            assertThat(failed.authorityId()).isEqualTo("kz-39-labour");
            assertThat(failed.failure()).isEqualTo(FailureClass.REJECTED);
            assertThat(failed.attempts()).isEqualTo(1);
        });
        assertThat(server.attempts).filteredOn("labour@authority.example"::equals).hasSize(1);
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
        assertThat(metrics.events).contains("failed authority-notice kk AUTHORITY REJECTED");
    }

    @Test
    void refusesAHeaderInjectingAddressBeforeSendingAnything() {
        // given
        Service service = start(InDoubtPolicy.FLAG);
        RoutedComplaint hostile = Complaints.complaint(ComplainantMode.ANONYMOUS,
                new RoutedComplaint.Complainant(null, "bad\r\nBcc: x@evil.example", null,
                        org.hotline.notification.dispatch.domain.Language.RU, true, "T"),
                Complaints.antiCorruption());

        // when
        service.planning.handle(hostile);
        service.dispatcher.dispatchDue();

        // then
        assertThat(outcomes).filteredOn(outcome -> !outcome.sent()).singleElement()
                .satisfies(failed -> assertThat(failed.failure()).isEqualTo(FailureClass.INVALID_ADDRESS));
        assertThat(server.attempts).noneMatch(to -> to.contains("evil"));
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
    }

    @Test
    void flagsASendInterruptedByACrashAndDoesNotResendItByDefault() {
        // given a run that died after starting a send
        Service crashed = start(InDoubtPolicy.FLAG);
        crashed.planning.handle(complaint);
        String interrupted = crashed.outbox.due(clock.instant(), 1).get(0).message().messageId();
        crashed.outbox.recordIntent(interrupted, 1, clock.instant());
        crashed.outbox.close();

        // when the service restarts
        Service restarted = start(InDoubtPolicy.FLAG);
        restarted.dispatcher.recoverInDoubt();
        restarted.dispatcher.dispatchDue();

        // then
        assertThat(metrics.events).contains("inDoubt 1");
        assertThat(server.acceptedIds).doesNotContain(interrupted).hasSize(4);
        assertThat(outcomes).filteredOn(outcome -> outcome.messageId().equals(interrupted)).singleElement()
                .satisfies(outcome -> assertThat(outcome.failure()).isEqualTo(FailureClass.IN_DOUBT));
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
    }

    @Test
    void flagsASendWhoseReplyWasLostAndDoesNotRetryItByDefault() {
        // given a server that takes one message but whose answer never arrives
        Service service = start(InDoubtPolicy.FLAG);
        service.planning.handle(complaint);
        String lostAnswerTo = firstRecipient(service);
        server.answerLost.add(lostAnswerTo);

        // when
        service.dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(2));
        service.dispatcher.dispatchDue();

        // then the message reached the server once, is not retried, and a caseworker is told
        assertThat(server.attempts).filteredOn(lostAnswerTo::equals).hasSize(1);
        assertThat(metrics.events).contains("inDoubt 1");
        assertThat(outcomes).filteredOn(outcome -> !outcome.sent()).singleElement()
                .satisfies(outcome -> assertThat(outcome.failure()).isEqualTo(FailureClass.IN_DOUBT));
        assertThat(server.acceptedTemplates()).contains(MessagePlanner.CASEWORKER_ALERT);
        assertThat(server.acceptedIds).doesNotHaveDuplicates();
    }

    @Test
    void settlesAnUnexpectedFailureDuringASendAsInDoubtInsteadOfLeavingItUnrecorded() {
        // given
        Service service = start(InDoubtPolicy.FLAG);
        service.planning.handle(complaint);
        String crashesOn = firstRecipient(service);
        server.crashes.add(crashesOn);

        // when
        service.dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(2));
        service.dispatcher.dispatchDue();

        // then the other messages go, and the one that crashed is flagged, not left pending
        assertThat(outcomes).filteredOn(outcome -> !outcome.sent()).singleElement()
                .satisfies(outcome -> assertThat(outcome.failure()).isEqualTo(FailureClass.IN_DOUBT));
        assertThat(server.acceptedIds).hasSize(4);
        assertThat(service.outbox.inDoubt()).isEmpty();
    }

    private String firstRecipient(Service service) {
        String mime = new String(service.outbox.due(clock.instant(), 1).get(0).message().mime(),
                StandardCharsets.UTF_8);
        return mime.substring(0, mime.indexOf('|'));
    }

    @Test
    void publishesOutcomesLeftUnpublishedByABrokerOutageOnceTheBrokerIsBack() {
        // given
        Service service = start(InDoubtPolicy.FLAG);
        service.planning.handle(complaint);
        brokerDown = true;
        service.dispatcher.dispatchDue();
        assertThat(outcomes).isEmpty();

        // when
        brokerDown = false;
        service.dispatcher.dispatchDue();

        // then
        assertThat(outcomes).hasSize(4).allMatch(Outcome::sent).extracting(Outcome::messageId)
                .doesNotHaveDuplicates();
        assertThat(server.accepted).hasSize(4);
    }

    @Test
    void publishesAfterARestartTheOutcomesACrashLeftUnpublished() {
        // given a run that sent everything but died before publishing the outcomes
        Service crashed = start(InDoubtPolicy.FLAG);
        crashed.planning.handle(complaint);
        brokerDown = true;
        crashed.dispatcher.dispatchDue();
        crashed.outbox.close();
        brokerDown = false;

        // when
        Service restarted = start(InDoubtPolicy.FLAG);
        restarted.dispatcher.recoverInDoubt();
        restarted.dispatcher.dispatchDue();

        // then each outcome once, and nothing sent again
        assertThat(outcomes).hasSize(4).allMatch(Outcome::sent).extracting(Outcome::messageId)
                .doesNotHaveDuplicates();
        assertThat(server.accepted).hasSize(4);
        Service again = start(InDoubtPolicy.FLAG);
        again.dispatcher.recoverInDoubt();
        assertThat(outcomes).as("reported outcomes are not published again").hasSize(4);
    }

    @Test
    void resendsAnInterruptedSendWhenThePolicySaysSo() {
        // given
        Service crashed = start(InDoubtPolicy.RESEND);
        crashed.planning.handle(complaint);
        String interrupted = crashed.outbox.due(clock.instant(), 1).get(0).message().messageId();
        crashed.outbox.recordIntent(interrupted, 1, clock.instant());
        crashed.outbox.close();

        // when
        Service restarted = start(InDoubtPolicy.RESEND);
        restarted.dispatcher.recoverInDoubt();
        restarted.dispatcher.dispatchDue();

        // then
        assertThat(server.acceptedIds).contains(interrupted);
        assertThat(outcomes).filteredOn(outcome -> outcome.messageId().equals(interrupted)).singleElement()
                .satisfies(outcome -> assertThat(outcome.attempts()).isEqualTo(2));
    }

    @Test
    void remembersSentMessagesAcrossRestartsAndDropsTheirContentFromDisk() throws Exception {
        // given
        Service first = start(InDoubtPolicy.FLAG);
        first.planning.handle(complaint);
        first.dispatcher.dispatchDue();
        first.outbox.close();

        // when
        Service second = start(InDoubtPolicy.FLAG);
        second.planning.handle(complaint);
        second.dispatcher.dispatchDue();

        // then
        assertThat(server.accepted).hasSize(4);
        assertThat(java.nio.file.Files.readString(ledger.resolve("ledger.jsonl"))).doesNotContain("payload")
                .doesNotContain("aigerim");
    }

    @Test
    void ignoresALedgerLineTornByACrash() throws Exception {
        // given
        Service first = start(InDoubtPolicy.FLAG);
        first.planning.handle(complaint);
        first.outbox.close();
        java.nio.file.Files.writeString(ledger.resolve("ledger.jsonl"), "{\"type\":\"SEN",
                java.nio.file.StandardOpenOption.APPEND);

        // when
        Service second = start(InDoubtPolicy.FLAG);
        second.dispatcher.dispatchDue();

        // then
        assertThat(server.accepted).hasSize(4);
    }

    private Service start(InDoubtPolicy policy) {
        FileOutbox outbox = new FileOutbox(ledger, SEALER, JsonMapper.builder().build());
        Dispatcher dispatcher = new Dispatcher(outbox, server, new FakeRenderer(), planner, outcome -> {
            if (brokerDown) {
                throw new IllegalStateException("outcome not acknowledged");
            }
            outcomes.add(outcome);
        }, metrics, RETRY, policy, 50, clock);
        return new Service(outbox, dispatcher, new NotificationPlanning(planner, dispatcher));
    }

    private record Service(FileOutbox outbox, Dispatcher dispatcher, NotificationPlanning planning) {
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
    private static final class FakeServer implements MailGateway {
        final List<String> accepted = new ArrayList<>();
        final List<String> acceptedIds = new ArrayList<>();
        final List<String> attempts = new ArrayList<>();
        final Set<String> rejected = new HashSet<>();
        final Set<String> answerLost = new HashSet<>();
        final Set<String> crashes = new HashSet<>();
        boolean down;

        @Override
        public Session open() {
            if (down) {
                throw new DeliveryException(FailureClass.TRANSIENT, "connection refused", new RuntimeException());
            }
            return new Session() {
                @Override
                public void send(QueuedMessage message) {
                    String content = new String(message.mime(), StandardCharsets.UTF_8);
                    String to = content.substring(0, content.indexOf('|'));
                    attempts.add(to);
                    if (crashes.remove(to)) {
                        throw new IllegalStateException("a bug in the mail library");
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
