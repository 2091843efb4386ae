package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.OUTCOMES;
import static org.hotline.cases.it.CaseHarness.RECEIVED;
import static org.hotline.cases.it.CaseHarness.ROUTED;
import static org.hotline.cases.it.CaseHarness.launchCaseService;
import static org.hotline.cases.it.CaseHarness.probe;
import static org.hotline.cases.it.CaseHarness.publish;
import static org.hotline.cases.it.CaseHarness.startCaseService;
import static org.hotline.cases.it.CaseHarness.startCaseServiceOn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.hotline.cases.casefile.application.CaseFiles;
import org.hotline.cases.casefile.domain.Assignment;
import org.hotline.cases.casefile.domain.AssignmentState;
import org.hotline.cases.casefile.domain.CaseFile;
import org.hotline.cases.casefile.domain.CaseState;
import org.hotline.cases.casefile.domain.TrackingCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class CaseFilesIT {

    /** Monday 30 November 2026, 10:00 in Almaty. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    private static final Clock TUESDAY = Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC);
    private static final String STATUS = "case.status.v1";

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = CaseHarness.startBroker();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void followsAComplaintFromTheTopicsAndKeepsItsFileAcrossARestartOnAnEmptyStateFolder() {
        CaseEvents complaint = new CaseEvents(RECEIVED_AT);
        String key = complaint.complaintId.toString();
        ConfigurableApplicationContext first = startCaseService(broker, TUESDAY);
        try {
            publish(broker, RECEIVED, key, complaint.received());
            publish(broker, ROUTED, key, complaint.routed());
            publish(broker, OUTCOMES, key, complaint.outcome("kz-39-police", "SENT", RECEIVED_AT.plusSeconds(3)));

            CaseFile file = awaitFile(first, complaint.reference,
                    f -> f.assignment("kz-39-police").map(Assignment::notifiedAt).isPresent());

            assertThat(file.complaintId()).isEqualTo(complaint.complaintId);
            assertThat(file.receivedAt()).isEqualTo(RECEIVED_AT);
            assertThat(file.trackingCodeHash()).isEqualTo(TrackingCodes.hash(complaint.complaintId,
                    CaseEvents.TRACKING_CODE));
            Assignment police = file.assignment("kz-39-police").orElseThrow();
            assertThat(police.notifiedAt()).isEqualTo(RECEIVED_AT.plusSeconds(3));
            assertThat(police.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(police.answerBy()).isEqualTo(LocalDate.of(2026, 12, 22));
            Assignment education = file.assignment("kz-39-education").orElseThrow();
            assertThat(education.acknowledgeBy()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(education.state(LocalDate.of(2026, 12, 1))).isEqualTo(AssignmentState.AWAITING_NOTICE);
            assertThat(file.state(LocalDate.of(2026, 12, 1))).isEqualTo(CaseState.ROUTED);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext restarted = startCaseService(broker, TUESDAY);
        try {
            publish(broker, OUTCOMES, key, complaint.outcome("kz-39-education", "SENT", RECEIVED_AT.plusSeconds(60)));

            CaseFile file = awaitFile(restarted, complaint.reference,
                    f -> f.assignment("kz-39-education").map(Assignment::notifiedAt).isPresent());

            assertThat(file.assignment("kz-39-police").map(Assignment::notifiedAt))
                    .contains(RECEIVED_AT.plusSeconds(3));
            assertThat(file.state(LocalDate.of(2026, 12, 1))).isEqualTo(CaseState.NOTIFIED);
            assertThat(file.state(LocalDate.of(2026, 12, 2))).isEqualTo(CaseState.OVERDUE);
        } finally {
            restarted.close();
        }
    }

    /** When Kafka Streams stops for good, the instance says it is not live, so that Kubernetes restarts it. */
    @Test
    void anInstanceWhoseStatusStoreCannotBeReadIsNotLiveAndARestartMendsIt() throws IOException {
        // given a state folder whose status store has read further than the status topic holds, as a folder kept
        // from before the broker's data was wiped; a group of its own, whose stopped members the other test's
        // instances need not wait for
        String group = "case-service-stopped";
        String stateFolder = CaseHarness.temporaryFolder();
        Path global = Files.createDirectories(Path.of(stateFolder, group, "global"));
        Files.writeString(global.resolve(".checkpoint"), "0\n2\n" + STATUS + " 0 1000\n" + STATUS + " 1 1000\n");

        // when an instance starts on it
        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, exception) -> escaped.add(exception));
        ConfigurableApplicationContext failed = launchCaseService(broker, TUESDAY, stateFolder,
                "spring.kafka.streams.application-id=" + group);
        try {
            // then its global thread fails, the streams stop for good, and it is neither live nor ready
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .dontCatchUncaughtExceptions().until(() -> probe(failed, "liveness") == 503);
            assertThat(probe(failed, "readiness")).isEqualTo(503);
        } finally {
            failed.close();
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        // and the thread stopped the streams without an exception escaping it (Kafka Streams 4.1, asked to replace
        // the global thread, throws a ClassCastException on it)
        assertThat(escaped).isEmpty();

        // and an instance restarted on the same folder, as Kubernetes would, runs
        ConfigurableApplicationContext restarted = startCaseServiceOn(broker, TUESDAY, stateFolder,
                "spring.kafka.streams.application-id=" + group);
        try {
            assertThat(probe(restarted, "liveness")).isEqualTo(200);
        } finally {
            restarted.close();
        }
    }

    private static CaseFile awaitFile(ConfigurableApplicationContext service, String reference,
            java.util.function.Predicate<CaseFile> until) {
        CaseFiles files = service.getBean(CaseFiles.class);
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> files.byReference(reference), found -> found.filter(until).isPresent())
                .orElseThrow();
    }

}
