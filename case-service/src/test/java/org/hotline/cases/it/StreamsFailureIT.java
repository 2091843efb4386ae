package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.launchCaseService;
import static org.hotline.cases.it.CaseHarness.probe;
import static org.hotline.cases.it.CaseHarness.startCaseServiceOn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** When Kafka Streams stops for good, the instance says it is not live, so that Kubernetes restarts it. */
class StreamsFailureIT {

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
    void anInstanceWhoseStatusStoreCannotBeReadIsNotLiveAndARestartMendsIt() throws IOException {
        // given a state folder whose status store has read further than the status topic holds, as a folder kept
        // from before the broker's data was wiped
        String stateFolder = CaseHarness.temporaryFolder();
        Path global = Files.createDirectories(Path.of(stateFolder, "case-service", "global"));
        Files.writeString(global.resolve(".checkpoint"), "0\n2\n" + STATUS + " 0 1000\n" + STATUS + " 1 1000\n");

        // when an instance starts on it
        ConfigurableApplicationContext failed = launchCaseService(broker, TUESDAY, stateFolder);
        try {
            // then its global thread fails, the streams stop for good, and it is neither live nor ready
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> probe(failed, "liveness") == 503);
            assertThat(probe(failed, "readiness")).isEqualTo(503);
        } finally {
            failed.close();
        }

        // and an instance restarted on the same folder, as Kubernetes would, runs
        ConfigurableApplicationContext restarted = startCaseServiceOn(broker, TUESDAY, stateFolder);
        try {
            assertThat(probe(restarted, "liveness")).isEqualTo(200);
        } finally {
            restarted.close();
        }
    }
}
