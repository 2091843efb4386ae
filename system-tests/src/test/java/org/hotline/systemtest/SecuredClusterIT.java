package org.hotline.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system on a Kafka cluster shaped like production ({@link SecuredCluster}: three brokers, replication 3 and
 * min ISR 2, SASL_SSL with SCRAM, the ACLs of deploy/kafka/acls.txt), each service with its own user: a complaint
 * goes through; every principal is refused outside its rights, a wrong password and a PLAINTEXT client are refused
 * altogether. The deployment is the one HostileRequestsIT and JourneyIT run on ({@link SecuredDeployment}); the
 * faults on it are {@link SecuredFaultsIT}'s.
 */
@ExtendWith(SecuredDeployment.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredClusterIT {

    private static final Logger log = LoggerFactory.getLogger(SecuredClusterIT.class);
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000, 36);
    private static final String KEYS = "complaints.keys.v1";
    private static final String CASE_STATUS = "case.status.v1";
    /** Every topic create-topics.sh makes, none of them the integrator's to read but the three public ones. */
    private static final List<String> NOT_PUBLIC = List.of(KEYS, "intake.idempotency.v1", "audit.events.v1",
            "notification.ledger.v1", "notification.ledger.cases.v1", Topics.RECEIVED_DLT, Topics.ROUTED_DLT,
            "cases.events.v1.notification.dlt", "cases.events.v1", CASE_STATUS);

    private static HotlineSystem system;
    private static SecuredCluster cluster;
    private static Intake intake;
    private static Invariants invariants;

    @BeforeAll
    static void deploy() {
        system = SecuredDeployment.system();
        cluster = system.cluster();
        intake = new Intake(system.intakes());
        invariants = new Invariants(system);
    }

    @Test
    @Order(1)
    void complaintsGoThroughEndToEndOnThreeBrokersWithEachServiceUnderItsOwnUser() throws Exception {
        // given the system on the secured cluster
        // when complaints are submitted over both intakes
        long started = System.nanoTime();
        List<Intake.Submission> submissions = intake.submitAll(Complaints.of(RUN + "-through", 6), 2);

        // then each is answered with its reference, routed once and its emails delivered once
        assertThat(submissions).allSatisfy(submission -> assertThat(submission.accepted())
                .as("answer %d (%s)", submission.status(), submission.problemType()).isTrue());
        Invariants.Report kept = invariants.assertKept(submissions, Set.of(), Duration.ofMinutes(5));
        assertThat(kept.complaints()).isEqualTo(6);
        assertThat(kept.delivered()).as("emails delivered, not only flagged").isEqualTo(kept.expectedEmails());
        // and the case service, under its own user, keeps a case file for each
        Topics topics = new Topics(system.clientSettings());
        Set<String> references = submissions.stream().map(Intake.Submission::reference).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() -> topics
                .readAll(CASE_STATUS).stream().map(Topics.Record::key).collect(Collectors.toSet())
                .containsAll(references));
        // and every topic the flow made or used (the services', the case service's changelogs, the consumer
        // offsets and the transaction log) has three replicas and refuses a write that fewer than two hold
        try (Admin admin = cluster.admin()) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS);
            assertThat(names).contains(Topics.RECEIVED, Topics.ROUTED, "__consumer_offsets", "__transaction_state")
                    .anyMatch(name -> name.endsWith("-changelog"));
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions())
                    .as("replicas of %s", topic.name())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3)));
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList())
                    .all().get(30, TimeUnit.SECONDS);
            assertThat(configs).allSatisfy((topic, config) -> assertThat(config.get("min.insync.replicas").value())
                    .as("min.insync.replicas of %s", topic.name()).isEqualTo("2"));
        }
        log.info("6 complaints through in {} s", seconds(started));
    }

    @Test
    @Order(2)
    void theIntegratorReadsThePublicTopicsInItsOwnGroupAndIsRefusedEverythingElse() {
        // given the integrator's user
        Map<String, Object> integrator = cluster.clientSettings(SecuredCluster.INTEGRATOR);

        // when it follows each public topic in a group of its own, then it reads what the services wrote
        for (String topic : List.of(Topics.RECEIVED, Topics.ROUTED, Topics.OUTCOMES)) {
            try (KafkaConsumer<String, byte[]> consumer = consumer(integrator, "integrator-" + RUN + "-" + topic)) {
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
                await().atMost(Duration.ofMinutes(1)).pollInSameThread().until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                    return !read.isEmpty();
                });
                consumer.commitSync();
                assertThat(read).as("records of %s read by the integrator", topic).isNotEmpty();
            }
        }
        // then it may not write to them
        for (String topic : List.of(Topics.RECEIVED, Topics.ROUTED, Topics.OUTCOMES)) {
            assertRefusedWriting(integrator, topic);
        }
        // nor read anything else: the data keys, the ledgers, the audit trail, dead letters, the case service's topics
        // and its changelogs
        for (String topic : NOT_PUBLIC) {
            assertRefusedReading(integrator, topic);
        }
        assertRefusedReading(integrator, changelogs().get(0));
        // nor use a group outside its own prefix
        try (KafkaConsumer<String, byte[]> consumer = consumer(integrator, "routing-service")) {
            consumer.subscribe(List.of(Topics.RECEIVED));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20))).as("the group routing-service")
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    @Order(3)
    void eachServicesUserIsRefusedWhatItsAclsDoNotGrant() {
        // given each service's own user
        Map<String, Object> intakeUser = cluster.clientSettings("intake-service");
        Map<String, Object> routingUser = cluster.clientSettings("routing-service");
        Map<String, Object> notificationUser = cluster.clientSettings("notification-service");
        Map<String, Object> caseUser = cluster.clientSettings("case-service");

        // then intake, which only writes, may read neither the decisions nor the received complaints
        assertRefusedReading(intakeUser, Topics.ROUTED);
        assertRefusedReading(intakeUser, Topics.RECEIVED);
        // routing reads complaints but may not write them, nor the outcomes, nor read the data keys
        assertRefusedWriting(routingUser, Topics.RECEIVED);
        assertRefusedWriting(routingUser, Topics.OUTCOMES);
        assertRefusedReading(routingUser, KEYS);
        // notification may not write decisions nor complaints, nor read the received complaints
        assertRefusedWriting(notificationUser, Topics.ROUTED);
        assertRefusedWriting(notificationUser, Topics.RECEIVED);
        assertRefusedReading(notificationUser, Topics.RECEIVED);
        // the case service may write none of the other services' topics, nor read intake's ledger
        assertRefusedWriting(caseUser, Topics.ROUTED);
        assertRefusedWriting(caseUser, Topics.OUTCOMES);
        assertRefusedReading(caseUser, "intake.idempotency.v1");
        // a service may not join another's consumer group
        try (KafkaConsumer<String, byte[]> consumer = consumer(routingUser, "notification-service")) {
            consumer.subscribe(List.of(Topics.RECEIVED));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20))).as("routing in notification's group")
                    .isInstanceOf(GroupAuthorizationException.class);
        }
        // nor take another's transactional id, which would fence its producers
        Map<String, Object> fencing = new HashMap<>(intakeUser);
        fencing.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "notification-ledger-0");
        try (KafkaProducer<String, byte[]> producer = producer(fencing)) {
            assertThatThrownBy(producer::initTransactions).as("intake with notification's transactional id")
                    .isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @Test
    @Order(4)
    void aWrongPasswordAnUnknownUserAndAPlaintextClientAreRefused() {
        // given clients that do not prove who they are
        Map<String, Object> wrongPassword = cluster.clientSettings(SecuredCluster.INTEGRATOR, "not-the-password");
        Map<String, Object> unknownUser = cluster.clientSettings("mallory", "any-password");
        Map<String, Object> plaintext = new HashMap<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.externalBootstrap(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));

        // then the login fails for the first two
        for (Map<String, Object> refused : List.of(wrongPassword, unknownUser)) {
            try (Admin admin = Admin.create(shortTimeouts(refused))) {
                assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        }
        // and a PLAINTEXT client gets no answer at all: every listener speaks TLS first
        try (Admin admin = Admin.create(shortTimeouts(plaintext))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    /** The case service's changelog topics, which Kafka Streams created under the case service's user. */
    private static List<String> changelogs() {
        try (Admin admin = cluster.admin()) {
            List<String> changelogs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith("case-service-") && name.endsWith("-changelog")).sorted()
                    .toList();
            assertThat(changelogs).as("the case service's changelogs").isNotEmpty();
            return changelogs;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefusedReading(Map<String, Object> user, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(user, null)) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(20))).as("reading %s", topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static void assertRefusedWriting(Map<String, Object> user, String topic) {
        try (KafkaProducer<String, byte[]> producer = producer(user)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "refused-" + RUN,
                    "{}".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS)).as("writing %s", topic)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> user, @Nullable String group) {
        Map<String, Object> settings = new HashMap<>(user);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> user) {
        Map<String, Object> settings = new HashMap<>(user);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        // Without a transactional id, not idempotent: an idempotent producer first asks for a producer id, which a
        // user with no Write anywhere (the integrator) is refused as a whole, before any topic is named.
        settings.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                settings.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> shortTimeouts(Map<String, Object> settings) {
        Map<String, Object> shorter = new HashMap<>(settings);
        shorter.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        shorter.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        return shorter;
    }

    private static long seconds(long startedNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
    }
}
