package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.systemtest.HotlineSystem.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The system under the faults it must survive, one test each, on one deployment that every test leaves healthy.
 * Each test submits its own batch of complaints and checks the invariants ({@link Invariants}) on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Logger log = LoggerFactory.getLogger(FaultsIT.class);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);

    private static HotlineSystem system;
    private static Intake intake;
    private static Invariants invariants;
    private static final Set<String> poisoned = new HashSet<>();
    private static final List<Complaints.Complaint> submitted = new ArrayList<>();

    @BeforeAll
    static void deploy() {
        system = HotlineSystem.start();
        intake = new Intake(system.intake());
        invariants = new Invariants(system);
    }

    @AfterAll
    static void undeploy() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void routingKilledAndRestartedWhileTwoThousandComplaintsFlowLosesAndDuplicatesNothing() {
        // given 2,000 complaints on their way in
        List<Complaints.Complaint> batch = batch("routing", 2000);
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<List<Intake.Submission>> flow = intake.submitAllInBackground(batch, 8, done);
        await().atMost(Duration.ofMinutes(5)).until(() -> done.get() >= 500);

        // when routing dies mid-flow and comes back
        system.kill(Part.ROUTING);
        assertThat(done.get()).as("complaints still arriving when routing died").isLessThan(batch.size());
        HotlineSystem.hold(Duration.ofSeconds(5));
        system.restart(Part.ROUTING);

        // then
        List<Intake.Submission> submissions = flow.join();
        assertThat(submissions).as("every complaint accepted").allMatch(Intake.Submission::accepted);
        invariants.assertKept(submissions, poisoned, Duration.ofMinutes(15));
    }

    @Test
    @Order(2)
    void notificationKilledAndRestartedMidBatchSendsEveryEmailOnceOrFlagsIt() {
        // given a batch whose emails are being sent
        EmailFlow flow = emailsUnderWay("notification", 300, 200);

        // when
        system.kill(Part.NOTIFICATION);
        int deliveredBeforeTheKill = flow.delivered();
        HotlineSystem.hold(Duration.ofSeconds(3));
        system.restart(Part.NOTIFICATION);

        // then
        Invariants.Report kept = flow.assertKept();
        assertThat(deliveredBeforeTheKill).as("emails out before the kill: the batch was cut in the middle")
                .isLessThan(kept.expectedEmails());
    }

    @Test
    @Order(3)
    void smtpServerUnreachableForSixtySecondsDelaysEmailsButLosesNone() {
        // given emails on their way
        EmailFlow flow = emailsUnderWay("smtp", 200, 50);

        // when the SMTP server stops answering for a minute
        int deliveredBeforeThePause = flow.delivered();
        system.pause(Part.MAIL);
        try {
            HotlineSystem.hold(Duration.ofSeconds(60));
        } finally {
            system.unpause(Part.MAIL);
        }

        // then
        Invariants.Report kept = flow.assertKept();
        assertThat(deliveredBeforeThePause).as("emails out before the outage: it struck in the middle")
                .isLessThan(kept.expectedEmails());
    }

    /** A batch on its way in, with its emails going out, and the mailbox as it was before it. */
    private record EmailFlow(CompletableFuture<List<Intake.Submission>> submissions, Mailbox mailbox, int before) {

        int delivered() {
            return mailbox.messages().size() - before;
        }

        Invariants.Report assertKept() {
            List<Intake.Submission> all = submissions.join();
            assertThat(all).allMatch(Intake.Submission::accepted);
            return invariants.assertKept(all, poisoned, Duration.ofMinutes(10));
        }
    }

    /** Submits {@code complaints} from 4 clients and returns once {@code emails} of their emails are out. */
    private static EmailFlow emailsUnderWay(String name, int complaints, int emails) {
        Mailbox mailbox = new Mailbox(system.mailbox());
        int before = mailbox.messages().size();
        EmailFlow flow = new EmailFlow(intake.submitAllInBackground(batch(name, complaints), 4, new AtomicInteger()),
                mailbox, before);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> flow.delivered() >= emails);
        return flow;
    }

    @Test
    @Order(4)
    void kafkaRestartedWhileComplaintsArriveGives503NeverA202ThatIsLost() {
        // given clients submitting all along
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<List<Intake.Submission>> flow = intake.submitUntil(RUN + "-kafka", 4, stop);
        await().atMost(Duration.ofMinutes(2)).until(() -> system.healthStatus(Part.INTAKE,
                "/actuator/health/readiness") == 200);
        HotlineSystem.hold(Duration.ofSeconds(5));

        // when the broker dies and comes back
        system.kill(Part.KAFKA);
        HotlineSystem.hold(Duration.ofSeconds(20));
        system.restart(Part.KAFKA);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                system.healthStatus(Part.INTAKE, "/actuator/health/readiness") == 200);
        HotlineSystem.hold(Duration.ofSeconds(10));
        stop.set(true);

        // then
        List<Intake.Submission> submissions = flow.join();
        submissions.forEach(submission -> submitted.add(submission.complaint()));
        Map<Integer, Long> statuses = submissions.stream()
                .collect(Collectors.groupingBy(Intake.Submission::status, Collectors.counting()));
        log.info("answers while the broker restarted: {}", statuses);
        assertThat(statuses).as("answers while the broker was down").containsKey(503);
        assertThat(statuses.keySet()).as("only 202 or 503, never an error of another kind")
                .containsOnly(202, 503);
        assertThat(submissions).filteredOn(submission -> submission.status() == 503)
                .allSatisfy(submission -> assertThat(submission.problemType())
                        .isEqualTo("urn:hotline:problem:broker-unavailable"));
        invariants.assertKept(submissions, poisoned, Duration.ofMinutes(10));
    }

    @Test
    @Order(5)
    void poisonRecordsEndInTheirDeadLetterTopicsWithTheReasonWhileGoodOnesFlow() throws Exception {
        // given good complaints before and after the poison
        List<Intake.Submission> submissions = new ArrayList<>(intake.submitAll(batch("poison-before", 30), 4));
        Topics topics = new Topics(system.bootstrapServers());
        Topics.Record genuine = topics.readAll(Topics.RECEIVED).stream()
                .filter(record -> record.key() != null && record.key().equals(submissions.get(0).complaintId()))
                .findFirst().orElseThrow();

        // when three kinds of poison are written to complaints.received.v1
        String notJson = UUID.randomUUID().toString();
        String wrongVersion = UUID.randomUUID().toString();
        String wrongKey = UUID.randomUUID().toString();
        ObjectNode version2 = (ObjectNode) genuine.json().deepCopy();
        version2.put("complaintId", wrongVersion).put("eventId", UUID.randomUUID().toString())
                .put("reference", "HL-P0IS-0N00-0002").put("schemaVersion", 2);
        ObjectNode unopenable = (ObjectNode) genuine.json().deepCopy();
        unopenable.put("complaintId", wrongKey).put("eventId", UUID.randomUUID().toString())
                .put("reference", "HL-P0IS-0N00-0003");
        ((ObjectNode) unopenable.get("incident").get("description")).put("keyId", "retired-2019");
        poisoned.addAll(List.of(notJson, wrongVersion, wrongKey));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RECEIVED, notJson,
                    "{\"eventType\": \"ComplaintReceived\", not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.RECEIVED, wrongVersion,
                    version2.toString().getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.RECEIVED, wrongKey,
                    unopenable.toString().getBytes(StandardCharsets.UTF_8))).get();
        }
        submissions.addAll(intake.submitAll(batch("poison-after", 30), 4));

        // then each is a dead letter with its reason, and the good ones are untouched
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                topics.readAll(Topics.RECEIVED_DLT).size() + topics.readAll(Topics.ROUTED_DLT).size() >= 3);
        Map<String, Topics.Record> received = byKey(topics.readAll(Topics.RECEIVED_DLT));
        Map<String, Topics.Record> routed = byKey(topics.readAll(Topics.ROUTED_DLT));
        assertThat(received.get(notJson)).as("not JSON, dead-lettered by routing").isNotNull()
                .satisfies(record -> assertThat(record.headers().get("x-dead-letter-reason")).containsIgnoringCase(
                        "json"));
        assertThat(received.get(wrongVersion)).as("schema version 2, dead-lettered by routing").isNotNull()
                .satisfies(record -> assertThat(record.headers().get("x-dead-letter-reason"))
                        .contains("schemaVersion"));
        assertThat(routed.get(wrongKey)).as("sealed with an unknown key, dead-lettered by notification")
                .isNotNull().satisfies(record -> assertThat(record.headers().get("x-dead-letter-reason"))
                        .contains("does not open"));
        assertThat(received.get(notJson).value()).as("the dead letter keeps the record unchanged")
                .isEqualTo("{\"eventType\": \"ComplaintReceived\", not json".getBytes(StandardCharsets.UTF_8));
        assertThat(submissions).allMatch(Intake.Submission::accepted);
        invariants.assertKept(submissions, poisoned, Duration.ofMinutes(5));
    }

    @Test
    @Order(6)
    void intakeStoppedWithSigtermUnderLoadHasEveryAcceptedComplaintOnTheTopic() {
        // given clients submitting all along
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<List<Intake.Submission>> flow = intake.submitUntil(RUN + "-sigterm", 8, stop);
        HotlineSystem.hold(Duration.ofSeconds(10));

        // when the intake service is told to stop, as an orchestrator does
        system.stopGracefully(Part.INTAKE);
        HotlineSystem.hold(Duration.ofSeconds(2));
        stop.set(true);
        List<Intake.Submission> submissions = flow.join();
        system.restart(Part.INTAKE);

        // then
        submissions.forEach(submission -> submitted.add(submission.complaint()));
        Map<Integer, Long> statuses = submissions.stream()
                .collect(Collectors.groupingBy(Intake.Submission::status, Collectors.counting()));
        log.info("answers while intake stopped: {}", statuses);
        assertThat(statuses.get(202)).as("accepted before the stop").isPositive();
        assertThat(statuses).as("refused once it had stopped").containsKey(-1);
        invariants.assertKept(submissions, poisoned, Duration.ofMinutes(10));
    }

    @Test
    @Order(7)
    void noServiceLogShowsAComplainantsIdentityOrStatement() {
        List<String> secrets = new ArrayList<>();
        for (Complaints.Complaint complaint : submitted) {
            secrets.add(complaint.name());
            secrets.add(complaint.phone());
            if (complaint.email() != null) {
                secrets.add(complaint.email());
            }
        }
        secrets.addAll(List.of("непристойные предложения", "my bonus was cut", "баланың қауіпсіздігіне",
                "худший маршрут", "ложные слухи", "в Новосибирске домогается"));
        for (Part part : List.of(Part.INTAKE, Part.ROUTING, Part.NOTIFICATION)) {
            String logs = system.logs(part);
            assertThat(logs).as("log of %s", part).isNotBlank();
            assertThat(secrets).as("personal data in the log of %s", part).noneMatch(logs::contains);
        }
    }

    private static List<Complaints.Complaint> batch(String name, int count) {
        List<Complaints.Complaint> batch = Complaints.of(RUN + "-" + name, count);
        submitted.addAll(batch);
        return batch;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, Topics.Record> byKey(List<Topics.Record> records) {
        return records.stream().filter(record -> record.key() != null)
                .collect(Collectors.toMap(Topics.Record::key, record -> record, (first, last) -> first));
    }
}
