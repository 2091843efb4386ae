package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.systemtest.HotlineSystem.Instance;
import org.hotline.systemtest.HotlineSystem.Part;
import org.jspecify.annotations.Nullable;
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
 * The system under the faults it must survive, one test each, on one deployment that every test leaves healthy:
 * two instances of each service on the same topics, the clients' requests spread over both intake instances.
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
    private static final String CASE_EVENTS = "cases.events.v1";
    private static final String CASE_STATUS = "case.status.v1";
    /** Words of the statements of {@link Complaints}: intake seals them, and no log, topic or metric may show them. */
    private static final List<String> STATEMENTS = List.of("непристойные предложения", "my bonus was cut",
            "баланың қауіпсіздігіне", "худший маршрут", "ложные слухи", "в Новосибирске домогается");
    /** The shapes of Complaints' names, emails and phones. */
    private static final Pattern IDENTITY_SHAPES = Pattern.compile(
            "Complainant [0-9a-z]+-[A-Za-z0-9-]+-[0-9]+|complainant-[0-9a-z]+-[A-Za-z0-9-]+-[0-9]+@example\\.net|\\+7 705 [0-9]{7}");

    @BeforeAll
    static void deploy() {
        // The case instances commit every 2 s instead of 0.2 s: the ladder test's kill lands inside a transaction.
        system = HotlineSystem.start(new HotlineSystem.Settings(
                Map.of(Part.CASE, Map.of("SPRING_KAFKA_STREAMS_PROPERTIES_COMMIT_INTERVAL_MS", "2000")),
                HotlineSystem.Settings.defaults().mailMemoryMiB()));
        intake = new Intake(system.intakes());
        invariants = new Invariants(system);
    }

    @AfterAll
    static void undeploy() {
        if (system != null) {
            system.close();
        }
    }

    /**
     * First, while the topics hold only these complaints: one case walked from receipt to the dossier over the real
     * SMTP server. The simulated clocks move 40 days at a time, so every first body is silent past both deadlines,
     * then each rung in turn, until the ladders end. One case instance is killed while the first escalations are
     * issued. The case service must issue each reminder, escalation and exhausted ladder once, climb every ladder to
     * its end without skipping a rung, and notification send each letter and each dossier once.
     */
    @Test
    @Order(0)
    void caseServiceKilledMidEscalationClimbsEveryLadderToTheDossierSkippingNoRungAndSendingEachStepOnce() {
        // given complaints told to their bodies, and the case service knowing it
        List<Intake.Submission> submissions = intake.submitAll(batch("ladder", 12), 4);
        answers(submissions, "the ladder's complaints were submitted");
        assertThat(submissions).allMatch(Intake.Submission::accepted);
        invariants.assertKept(submissions, poisoned, Duration.ofMinutes(5));
        Set<String> references = submissions.stream().map(Intake.Submission::reference).collect(Collectors.toSet());
        Topics topics = new Topics(system.bootstrapServers());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> everyBodyTold(topics, references));

        // when 40 days pass on every case instance, and one of them dies while its check's transaction is open
        fortySilentDays(topics, references);
        List<Topics.Record> firstRungs = awaitLadderSteps(topics, references, 1);
        // and 40 more days pass: the first rungs stay silent too
        fortySilentDays(topics, references);
        List<Topics.Record> steps = awaitLadderSteps(topics, references, 2);
        // and so does every rung after them, until the ladders end
        steps = climbToTheEnd(topics, references, steps);

        // then each step was issued once (read_committed: a killed instance's unfinished transaction is not seen)
        Map<String, Long> issued = steps.stream().collect(Collectors.groupingBy(step -> step.key() + " "
                + step.text("eventType") + " " + step.text("update") + " " + step.text("authorityId")
                + step.text("fromAuthorityId"), Collectors.counting()));
        assertThat(issued).as("steps issued more than once").allSatisfy((step, count) -> assertThat(count)
                .as(step).isEqualTo(1L));
        // no rung skipped: each complaint's escalations, in ladder order, each start from the rung the one before told
        List<Topics.Record> escalations = steps.stream().filter(step -> "EscalationDue".equals(
                step.text("eventType"))).toList();
        Map<String, List<Topics.Record>> ladders = escalations.stream().collect(Collectors.groupingBy(
                Topics.Record::key));
        assertThat(ladders.values()).as("complaints escalated twice").anyMatch(ladder -> ladder.size() >= 2);
        ladders.forEach((complaint, ladder) -> {
            List<Topics.Record> climbed = ladder.stream()
                    .sorted(java.util.Comparator.comparingInt(step -> Integer.parseInt(step.text("rung")))).toList();
            for (int i = 1; i < climbed.size(); i++) {
                assertThat(climbed.get(i).text("fromAuthorityId")).as("step %d of %s", i + 1, complaint)
                        .isEqualTo(climbed.get(i - 1).text("toAuthorityId"));
            }
        });
        assertThat(firstRungs).isNotEmpty();
        // the kill did land inside a transaction: a step was written and never committed, and issued again after it
        assertThat(killedInTransaction).as("a kill of a case instance with a step's transaction open").isNotNull();
        assertThat(issued).as("the step the killed transaction held, issued again").containsKey(
                killedInTransaction.key() + " " + killedInTransaction.text("eventType") + " "
                        + killedInTransaction.text("update") + " " + killedInTransaction.text("authorityId")
                        + killedInTransaction.text("fromAuthorityId"));
        // every ladder climbed to its end: each body and rung told and silent was escalated past or ended its ladder
        Map<String, Topics.Record> files = new HashMap<>();
        topics.readAll(CASE_STATUS).forEach(file -> files.put(file.key(), file));
        for (String reference : references) {
            for (var body : files.get(reference).json().get("assignments")) {
                String role = body.path("role").asString();
                // the NGO's own triage desk, which takes what no body can, has no ladder above it
                boolean laddered = !"TRIAGE".equals(body.path("authorityType").asString());
                if (laddered && ("PRIMARY".equals(role) || "ESCALATION".equals(role))) {
                    assertThat(body.hasNonNull("escalatedAt")).as("%s's %s, silent for %d days", reference,
                            body.path("authorityId").asString(), 40 * rounds.get()).isTrue();
                }
            }
        }
        Map<String, Long> exhausted = steps.stream().filter(step -> "EscalationExhausted".equals(
                step.text("eventType"))).collect(Collectors.groupingBy(Topics.Record::key, Collectors.counting()));
        assertThat(exhausted.keySet()).as("complaints whose ladders ended").containsAll(ladders.keySet());
        // and each letter reached its rung once, and each ended ladder's dossier the caseworkers once: one Message-ID
        // per letter, delivered once
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, String> letters = new HashMap<>();
            Map<String, Set<String>> dossiers = new HashMap<>();
            for (Topics.Record outcome : topics.readAll(Topics.OUTCOMES)) {
                if (!"SENT".equals(outcome.text("status"))) {
                    continue;
                }
                if ("authority-escalation".equals(outcome.text("template"))) {
                    letters.put(outcome.key() + " " + outcome.text("authorityId"), outcome.text("messageId"));
                } else if ("caseworker-dossier".equals(outcome.text("template"))) {
                    dossiers.computeIfAbsent(outcome.key(), complaint -> new HashSet<>())
                            .add(outcome.text("messageId"));
                }
            }
            for (Topics.Record escalation : escalations) {
                assertThat(letters).as("the letter of %s", escalation.text("eventId"))
                        .containsKey(escalation.key() + " " + escalation.text("toAuthorityId"));
            }
            exhausted.forEach((complaint, ended) -> assertThat(dossiers.getOrDefault(complaint, Set.of()))
                    .as("dossiers of %s", complaint).hasSize(ended.intValue()));
            Map<String, Long> deliveries = new Mailbox(system.mailbox()).messages().stream()
                    .collect(Collectors.groupingBy(Mailbox.Delivered::messageId, Collectors.counting()));
            assertThat(letters.values()).allSatisfy(id -> assertThat(deliveries.get(id)).as(id).isEqualTo(1L));
            assertThat(dossiers.values()).allSatisfy(ids -> assertThat(ids).allSatisfy(id ->
                    assertThat(deliveries.get(id)).as(id).isEqualTo(1L)));
        });

        // the clocks back to today (a restarted instance starts again at none), for the tests that follow
        Part.CASE.all().forEach(system::stopGracefully);
        system.restartAll(Part.CASE.all());
    }

    /** Periods of 40 silent days passed in the ladder test. */
    private static final AtomicInteger rounds = new AtomicInteger();
    /** The ladder steps a case instance writes, and that the kill of the ladder test waits for. */
    private static final Set<String> LADDER_STEPS = Set.of("AcknowledgementReminderDue", "EscalationDue",
            "EscalationExhausted");
    /** The step whose open transaction the ladder test's kill cut short, once a kill has. */
    private static Topics.@Nullable Record killedInTransaction;

    /**
     * 40 more silent days on every case instance. Until a kill has landed inside a transaction, instance 1 passes
     * them first and is killed (SIGKILL) the moment its silence check has written a step, which a read_uncommitted
     * watch sees before the transaction commits (the case instances commit every 2 s here); the step is then
     * checked to have been aborted. A kill that came after the commit is tried again with the next period.
     */
    private static void fortySilentDays(Topics topics, Set<String> references) {
        int days = 40 * rounds.incrementAndGet();
        if (killedInTransaction != null) {
            Part.CASE.all().forEach(instance -> system.advanceClock(instance, "40d"));
            return;
        }
        Instance first = Part.CASE.instance(1);
        Optional<Topics.Record> written;
        try (Topics.Uncommitted watch = topics.watchUncommitted(CASE_EVENTS)) {
            system.advanceClock(first, "40d");
            written = watch.next(step -> references.contains(step.text("reference"))
                    && LADDER_STEPS.contains(step.text("eventType")), Duration.ofSeconds(45));
            system.kill(first);
        }
        Part.CASE.all().stream().filter(instance -> !instance.equals(first))
                .forEach(instance -> system.advanceClock(instance, "40d"));
        system.restart(first);
        system.advanceClock(first, days + "d");
        if (written.isPresent() && topics.aborted(written.get())) {
            killedInTransaction = written.get();
            log.info("{} killed with the transaction of its {} at {}-{}@{} open: it was aborted", first,
                    killedInTransaction.text("eventType"), killedInTransaction.topic(),
                    killedInTransaction.partition(), killedInTransaction.offset());
        } else {
            log.info("{} killed after its transaction committed (or it wrote no step): the next period tries again",
                    first);
        }
    }

    /**
     * Moves the clocks 40 days at a time until a period passes with no new step: every ladder has ended. The
     * longest in the directory (a district education department) has four rungs above it with the last rung.
     */
    private static List<Topics.Record> climbToTheEnd(Topics topics, Set<String> references,
            List<Topics.Record> steps) {
        List<Topics.Record> before = steps;
        for (int more = 0; more < 6; more++) {
            fortySilentDays(topics, references);
            List<Topics.Record> after = awaitLadderSteps(topics, references, 1);
            if (after.size() == before.size()) {
                return after;
            }
            before = after;
        }
        throw new AssertionError("ladders still climbing after " + rounds.get() * 40 + " silent days");
    }

    /** The case files on case.status.v1 of every reference name a time each body was told. */
    private static boolean everyBodyTold(Topics topics, Set<String> references) {
        Map<String, Topics.Record> latest = new HashMap<>();
        topics.readAll(CASE_STATUS).forEach(record -> latest.put(record.key(), record));
        return references.stream().allMatch(reference -> {
            Topics.Record file = latest.get(reference);
            if (file == null || file.json() == null || file.json().path("assignments").isEmpty()) {
                return false;
            }
            for (var body : file.json().get("assignments")) {
                if (!body.hasNonNull("notifiedAt")) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Every ladder step of these complaints on cases.events.v1, once some complaint was escalated {@code times} and
     * none was added for 15 seconds (longer than the dev profile's 10 s between checks).
     */
    private static List<Topics.Record> awaitLadderSteps(Topics topics, Set<String> references, int times) {
        AtomicInteger seen = new AtomicInteger(-1);
        AtomicInteger unchanged = new AtomicInteger();
        List<List<Topics.Record>> last = new ArrayList<>(List.of(List.of()));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            List<Topics.Record> steps = topics.readAll(CASE_EVENTS).stream()
                    .filter(step -> references.contains(step.text("reference")))
                    .filter(step -> !"AssignmentAcknowledged".equals(step.text("eventType"))).toList();
            boolean reached = steps.stream().filter(step -> "EscalationDue".equals(step.text("eventType")))
                    .collect(Collectors.groupingBy(Topics.Record::key, Collectors.counting())).values().stream()
                    .anyMatch(count -> count >= times);
            unchanged.set(steps.size() == seen.get() ? unchanged.get() + 1 : 0);
            boolean settled = reached && unchanged.get() >= 3;
            seen.set(steps.size());
            last.set(0, steps);
            return settled;
        });
        log.info("{} ladder steps once a complaint was escalated {} time(s)", last.get(0).size(), times);
        return last.get(0);
    }

    @Test
    @Order(1)
    void routingKilledAndRestartedWhileTwoThousandComplaintsFlowLosesAndDuplicatesNothing() {
        // given 2,000 complaints on their way in
        List<Complaints.Complaint> batch = batch("routing", 2000);
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<List<Intake.Submission>> flow = intake.submitAllInBackground(batch, 8, done);
        await().atMost(Duration.ofMinutes(5)).until(() -> done.get() >= 500);

        // when one routing instance dies mid-flow and comes back
        system.kill(Part.ROUTING.instance(1));
        assertThat(done.get()).as("complaints still arriving when routing died").isLessThan(batch.size());
        HotlineSystem.hold(Duration.ofSeconds(5));
        system.restart(Part.ROUTING.instance(1));

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

        // when one notification instance dies mid-batch and comes back
        system.kill(Part.NOTIFICATION.instance(1));
        int deliveredBeforeTheKill = flow.delivered();
        HotlineSystem.hold(Duration.ofSeconds(3));
        system.restart(Part.NOTIFICATION.instance(1));

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
        system.pause(Part.MAIL.single());
        try {
            HotlineSystem.hold(Duration.ofSeconds(60));
        } finally {
            system.unpause(Part.MAIL.single());
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
        await().atMost(Duration.ofMinutes(2)).until(FaultsIT::everyIntakeReady);
        HotlineSystem.hold(Duration.ofSeconds(5));

        // when the broker dies and comes back
        system.kill(Part.KAFKA.single());
        HotlineSystem.hold(Duration.ofSeconds(20));
        system.restart(Part.KAFKA.single());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(FaultsIT::everyIntakeReady);
        HotlineSystem.hold(Duration.ofSeconds(10));
        stop.set(true);

        // then
        List<Intake.Submission> submissions = flow.join();
        Map<Integer, Long> statuses = answers(submissions, "the broker restarted");
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

        // when one intake instance is told to stop, as an orchestrator does
        system.stopGracefully(Part.INTAKE.instance(1));
        HotlineSystem.hold(Duration.ofSeconds(2));
        stop.set(true);
        List<Intake.Submission> submissions = flow.join();
        system.restart(Part.INTAKE.instance(1));

        // then
        Map<Integer, Long> statuses = answers(submissions, "intake stopped");
        assertThat(statuses.get(202)).as("accepted before the stop").isPositive();
        assertThat(statuses).as("refused once it had stopped").containsKey(-1);
        invariants.assertKept(submissions, poisoned, Duration.ofMinutes(10));
    }

    @Test
    @Order(7)
    void oneInstanceOfEachServiceKilledUnderLoadLosesAndDuplicatesNothing() {
        assumeTrue(HotlineSystem.SERVICE_INSTANCES >= 2, "needs two instances of each service; "
                + "-Dhotline.service-instances=" + HotlineSystem.SERVICE_INSTANCES + " was given");
        // given clients submitting all along (at most 8 a second: a steady flow, not a flood the restarted JVMs
        // would have to start under on two cores), and the emails of their complaints going out
        Mailbox mailbox = new Mailbox(system.mailbox());
        int mailBefore = mailbox.messages().size();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<List<Intake.Submission>> flow = intake.submitUntil(RUN + "-each", 4,
                Duration.ofMillis(500), stop);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> mailbox.messages().size() - mailBefore >= 100);

        // when one instance of every service gets SIGKILL at once, stays down 5 s and starts again
        List<HotlineSystem.Instance> struck = List.of(Part.INTAKE.instance(1), Part.ROUTING.instance(2),
                Part.NOTIFICATION.instance(1));
        long killedAt = System.currentTimeMillis();
        struck.forEach(system::kill);
        int deliveredBeforeTheKill = mailbox.messages().size() - mailBefore;
        HotlineSystem.hold(Duration.ofSeconds(5));
        system.restartAll(struck);
        HotlineSystem.hold(Duration.ofSeconds(10));
        stop.set(true);

        // then
        List<Intake.Submission> submissions = flow.join();
        Map<Integer, Long> statuses = answers(submissions, "one instance of each service was killed");
        assertThat(submissions).as("complaints accepted before the kill").anyMatch(submission ->
                submission.accepted() && submission.acceptedAtMillis() < killedAt);
        assertThat(submissions).as("complaints accepted after the kill: it struck while they were arriving")
                .anyMatch(submission -> submission.accepted() && submission.acceptedAtMillis() > killedAt);
        assertThat(statuses.keySet()).as("202, 503 or no answer from the killed intake; never another error")
                .isSubsetOf(202, 503, -1);
        // A 503 is the restarted intake saying it is not ready yet, or a broker that did not answer in time.
        assertThat(submissions).filteredOn(submission -> submission.status() == 503)
                .allSatisfy(submission -> assertThat(submission.problemType()).isIn(
                        "urn:hotline:problem:service-starting", "urn:hotline:problem:broker-unavailable"));
        Invariants.Report kept = invariants.assertKept(submissions, poisoned, Duration.ofMinutes(15));
        assertThat(deliveredBeforeTheKill).as("emails out before the kill: the batch was cut in the middle")
                .isLessThan(kept.expectedEmails());
    }

    @Test
    @Order(8)
    void noServiceLogShowsAComplainantsIdentityOrStatement() {
        List<String> secrets = new ArrayList<>();
        for (Complaints.Complaint complaint : submitted) {
            secrets.add(complaint.name());
            secrets.add(complaint.phone());
            if (complaint.email() != null) {
                secrets.add(complaint.email());
            }
        }
        secrets.addAll(STATEMENTS);
        for (HotlineSystem.Instance instance : system.services()) {
            String logs = system.logs(instance);
            assertThat(logs).as("log of %s", instance).isNotBlank();
            assertThat(secrets).as("personal data in the log of %s", instance).noneMatch(logs::contains);
        }
    }

    /**
     * Every record of every topic (keys, values and headers; the services' internal topics, ledgers, changelogs and
     * dead letters included) and every instance's metrics, after all the faults above: no complainant's name,
     * email or phone and no statement in clear. Intake seals them; everything after it must pass them on sealed.
     */
    @Test
    @Order(9)
    void noTopicAndNoMetricCarriesAComplainantsIdentityOrStatementInClear() {
        Set<String> identities = new HashSet<>();
        for (Complaints.Complaint complaint : submitted) {
            identities.add(complaint.name());
            identities.add(complaint.phone());
            if (complaint.email() != null) {
                identities.add(complaint.email());
            }
        }
        Topics topics = new Topics(system.bootstrapServers());
        Map<String, Integer> scanned = new TreeMap<>();
        for (String topic : topics.names()) {
            List<Topics.Record> records = topics.readAll(topic);
            scanned.put(topic, records.size());
            for (Topics.Record record : records) {
                String text = record.key() + "\n" + new String(record.value() == null ? new byte[0] : record.value(),
                        StandardCharsets.UTF_8) + "\n" + record.headers();
                assertThat(inClear(text, identities)).as("%s-%d@%d", topic, record.partition(), record.offset())
                        .isEmpty();
            }
        }
        log.info("records scanned per topic: {}", scanned);
        assertThat(scanned).as("the topics that carry complaints were read")
                .containsKeys(Topics.RECEIVED, Topics.ROUTED, Topics.OUTCOMES, CASE_EVENTS, CASE_STATUS,
                        "notification.ledger.v1", "intake.idempotency.v1", "audit.events.v1", "complaints.keys.v1");
        assertThat(scanned.get(Topics.RECEIVED)).isGreaterThanOrEqualTo(submitted.size() / 2);
        for (HotlineSystem.Instance instance : system.services()) {
            String metrics = system.prometheus(instance);
            assertThat(metrics).as("metrics of %s", instance).contains("# TYPE");
            assertThat(inClear(metrics, identities)).as("personal data in the metrics of %s", instance).isEmpty();
        }
    }

    /**
     * What of {@code identities} and {@link #STATEMENTS} the text holds. The identities are found by their shapes
     * (Complaints makes them) and then looked up, not searched one by one: tens of thousands of them in every one
     * of tens of thousands of records would take hours.
     */
    private static List<String> inClear(String text, Set<String> identities) {
        List<String> found = new ArrayList<>();
        Matcher matcher = IDENTITY_SHAPES.matcher(text);
        while (matcher.find()) {
            if (identities.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        STATEMENTS.stream().filter(text::contains).forEach(found::add);
        return found;
    }

    /** Keeps the complaints for the log check and counts the answers by HTTP status (-1: no answer). */
    private static Map<Integer, Long> answers(List<Intake.Submission> submissions, String during) {
        submissions.forEach(submission -> submitted.add(submission.complaint()));
        Map<Integer, Long> statuses = submissions.stream()
                .collect(Collectors.groupingBy(Intake.Submission::status, Collectors.counting()));
        log.info("answers while {}: {}", during, statuses);
        return statuses;
    }

    private static boolean everyIntakeReady() {
        return Part.INTAKE.all().stream()
                .allMatch(instance -> system.healthStatus(instance, "/actuator/health/readiness") == 200);
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
