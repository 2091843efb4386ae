package org.hotline.cases.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cases.it.CaseHarness.CASE_EVENTS;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.hotline.testsupport.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The silence check reads a partition in steps of a few files: a pass goes on from where the step before stopped
 * until it has read every file, so each silent body is found, once, however many files a partition holds.
 */
class SilencePassIT {

    /** Monday 30 November 2026: the police have until Tuesday to acknowledge. */
    private static final Instant RECEIVED_AT = Instant.parse("2026-11-30T05:00:00Z");
    /** Wednesday 2 December, noon in Almaty. */
    private static final Instant PAST_THE_POLICE_DEADLINE = Instant.parse("2026-12-02T07:00:00Z");
    private static final int COMPLAINTS = 24;
    private static final int FILES_PER_STEP = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext service;
    private static final MutableClock clock = new MutableClock(RECEIVED_AT.plusSeconds(3600));

    @BeforeAll
    static void start() {
        broker = CaseHarness.startBroker();
        service = CaseHarness.startCaseService(broker, clock,
                "hotline.cases.escalation.check-batch=" + FILES_PER_STEP);
    }

    @AfterAll
    static void stop() {
        service.close();
        broker.destroy();
    }

    @Test
    void aPassInStepsOfThreeFilesRemindsEverySilentBodyOfTwoDozenCasesOnce() {
        List<String> complaints = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            CaseEvents complaint = new CaseEvents(RECEIVED_AT);
            CaseHarness.publishTold(broker, complaint);
            complaints.add(complaint.complaintId.toString());
        }

        clock.set(PAST_THE_POLICE_DEADLINE);

        // 24 files over 2 partitions take 8 steps of 3 files or more: a pass that did not go on from where its step
        // stopped would remind at most 6 bodies (3 in each partition).
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> policeReminders().size() == COMPLAINTS);
        // Passes go on (every 200 ms in the test profile); none reminds a body twice.
        Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> policeReminders().values().stream().allMatch(count -> count == 1));
        assertThat(policeReminders()).containsOnlyKeys(complaints);
        // The overdue gauge is set when a pass has read every file, not after each step.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> metrics().contains("hotline_cases_assignments_overdue{application=\"case-service\","
                        + "authority_type=\"POLICE\",region=\"KZ-39\"} " + COMPLAINTS + ".0"));
    }

    /** Reminders to the police so far, counted by complaint. */
    private static Map<String, Long> policeReminders() {
        return Brokers.readCommitted(broker, CASE_EVENTS).stream()
                .map(record -> JSON.readTree(new String(record.value(), StandardCharsets.UTF_8)))
                .filter(event -> "AcknowledgementReminderDue".equals(event.path("eventType").asString()))
                .filter(event -> "kz-39-police".equals(event.path("authorityId").asString()))
                .map(event -> event.path("complaintId").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String metrics() {
        return CaseHarness.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + CaseHarness.port(service, "local.management.port") + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "test-ops:test-ops-password".getBytes(StandardCharsets.UTF_8)))
                .GET()).body();
    }
}
