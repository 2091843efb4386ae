package org.hotline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline.notification.dispatch.application.Ledger;
import org.hotline.notification.dispatch.application.LedgerEntry;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.hotline.notification.dispatch.ledger.KafkaLedger;
import org.hotline.testsupport.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/** The ledger on a real broker: taking a partition fences its previous writer; results and outcomes commit together. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaLedgerIT {

    private static final String LEDGER = "ledger-it.v1";
    private static final String OUTCOMES = "outcomes-it.v1";
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    void start() throws Exception {
        broker = NotificationHarness.startBroker();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(LEDGER, 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")), new NewTopic(OUTCOMES, 1, (short) 1)))
                    .all().get();
        }
    }

    @AfterAll
    void stop() {
        broker.destroy();
    }

    @Test
    void theInstanceTakingAPartitionKnowsWhatItsPreviousOwnerRecordedAndFencesIt() {
        // given an owner that recorded the intent of a send
        KafkaLedger previous = ledger();
        KafkaLedger next = ledger();
        try {
            previous.open(0);
            LedgerEntry intent = entry("m-1@test", LedgerEntry.Status.INTENT, null);
            previous.write(0, List.of(intent), List.of());

            // when another instance takes the partition
            next.open(0);

            // then it knows the intent, and the previous owner can no longer record the result
            assertThat(next.find(0, "m-1@test")).isNotNull()
                    .satisfies(known -> assertThat(known.status()).isEqualTo(LedgerEntry.Status.INTENT));
            LedgerEntry sent = entry("m-1@test", LedgerEntry.Status.SENT, null);
            assertThatThrownBy(() -> previous.write(0, List.of(sent), List.of(sent.outcome(Map.of()))))
                    .isInstanceOf(Ledger.PartitionLostException.class);
            assertThat(previous.lostPartitions()).containsExactly(0);
            assertThat(outcomesFor("m-1@test")).isEmpty();
        } finally {
            previous.close();
            next.close();
        }
    }

    @Test
    void aResultAndItsOutcomeAreVisibleTogetherAndTheLedgerKeepsNoAddress() {
        // given
        KafkaLedger ledger = ledger();
        try {
            ledger.open(1);
            LedgerEntry failed = entry("m-2@test", LedgerEntry.Status.FAILED, FailureClass.REJECTED);

            // when
            ledger.write(1, List.of(failed), List.of(failed.outcome(Map.of())));

            // then
            assertThat(outcomesFor("m-2@test")).hasSize(1);
            KafkaLedger reread = ledger();
            reread.open(1);
            assertThat(reread.find(1, "m-2@test"))
                    .isEqualTo(new LedgerEntry.Known.Done(LedgerEntry.Status.FAILED, FailureClass.REJECTED));
            reread.close();
            assertThat(Brokers.readCommitted(broker, LEDGER)).extracting(NotificationHarness::value)
                    .noneMatch(value -> value.contains("@authority.example"));
        } finally {
            ledger.close();
        }
    }

    @Test
    void aSentMarkerTellsTheNextOwnerThatTheSendIsNotInDoubt() {
        // given an owner that recorded an intent, sent the message, marked it sent, and died before the result
        KafkaLedger previous = ledger();
        KafkaLedger next = ledger();
        try {
            previous.open(0);
            previous.write(0, List.of(entry("m-3@test", LedgerEntry.Status.INTENT, null)), List.of());
            java.util.concurrent.atomic.AtomicBoolean durable = new java.util.concurrent.atomic.AtomicBoolean();
            previous.markSent(entry("m-3@test", LedgerEntry.Status.SENT, null), () -> durable.set(true));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilTrue(durable);

            // when another instance takes the partition
            next.open(0);

            // then it knows the message was sent, with its result still to record
            assertThat(next.find(0, "m-3@test")).isInstanceOfSatisfying(LedgerEntry.Known.Unfinished.class,
                    known -> assertThat(known.status()).isEqualTo(LedgerEntry.Status.SENT));
        } finally {
            previous.close();
            next.close();
        }
    }

    @Test
    void aPlannedMessagesIdIsFoundAsWrittenAndAsReadAgainAndNoOtherIdWithTheSameUuidIs() {
        // given an id as the planner makes it (MessageIds), which the ledger's memory keeps in a compact form
        String id = UUID.nameUUIDFromBytes("ledger-it compact".getBytes(StandardCharsets.UTF_8))
                + "@notification.hotline.invalid";
        String sameUuidUpperCase = id.substring(0, 36).toUpperCase() + id.substring(36);
        String sameUuidOtherDomain = id.substring(0, 36) + "@ngo.example";
        KafkaLedger ledger = ledger();
        KafkaLedger reread = ledger();
        try {
            ledger.open(1);

            // when its intent, then its result, are recorded
            ledger.write(1, List.of(entry(id, LedgerEntry.Status.INTENT, null)), List.of());
            ledger.write(1, List.of(entry(new String(id), LedgerEntry.Status.SENT, null)), List.of());

            // then this instance and the next owner find the result under the id, and nothing under the others
            reread.open(1);
            for (KafkaLedger owner : List.of(ledger, reread)) {
                assertThat(owner.find(1, new String(id))).isNotNull()
                        .satisfies(known -> assertThat(known.status()).isEqualTo(LedgerEntry.Status.SENT));
                assertThat(owner.find(1, sameUuidUpperCase)).isNull();
                assertThat(owner.find(1, sameUuidOtherDomain)).isNull();
            }
        } finally {
            ledger.close();
            reread.close();
        }
    }

    private List<String> outcomesFor(String messageId) {
        return Brokers.readCommitted(broker, OUTCOMES).stream()
                .map(record -> record.key())
                .filter(messageId::equals).toList();
    }

    private KafkaLedger ledger() {
        String servers = broker.getBrokersAsString();
        return new KafkaLedger(LEDGER, "ledger-it-", transactionalId -> {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }, new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new ByteArraySerializer(), new ByteArraySerializer()), () -> {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }, outcome -> new ProducerRecord<>(OUTCOMES, outcome.messageId().getBytes(StandardCharsets.UTF_8),
                outcome.failure() == null ? new byte[0] : outcome.failure().name().getBytes(StandardCharsets.UTF_8)),
                JsonMapper.builder().build(), Duration.ofSeconds(30));
    }

    private static LedgerEntry entry(String messageId, LedgerEntry.Status status, FailureClass failure) {
        return new LedgerEntry(messageId, 0, UUID.fromString("0f6c1c1e-1111-4a4a-9a9a-123456789abc"),
                "HL-7F3K-9QX2-ABCD", NOW, RecipientType.AUTHORITY, "kz-39-labour", "authority-notice", Language.KK,
                status, 1, failure, NOW, NOW);
    }
}
