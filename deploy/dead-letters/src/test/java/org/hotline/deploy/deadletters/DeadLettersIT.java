package org.hotline.deploy.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline.testsupport.Brokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The tool against a real KRaft broker, with dead letters written the way routing writes them: in transactions. */
class DeadLettersIT {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    /** A complainant's words: the tool must never print them. */
    private static final String PERSONAL = "{\"complainant\":\"Aigerim Sultanova\",\"text\":\"my manager said\"}";

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<byte[], byte[]> deadLetterWriter;

    private String original;
    private String deadLetters;

    @BeforeAll
    static void startBroker() {
        broker = Brokers.start(1);
        deadLetterWriter = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "routing-dead-letters-test"),
                new ByteArraySerializer(), new ByteArraySerializer());
        deadLetterWriter.initTransactions();
    }

    @AfterAll
    static void stopBroker() {
        deadLetterWriter.close();
        broker.destroy();
    }

    @BeforeEach
    void freshTopics() {
        int n = TOPICS.incrementAndGet();
        original = "complaints.received.v" + n;
        deadLetters = original + ".dlt";
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(original, 3, (short) 1), new NewTopic(deadLetters, 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void listShowsWhyEachDeadLetterFailedAndTheValuesSizeButNeverTheValue() {
        // given
        committed(deadLetter("C-1", PERSONAL, "missing_field", 2, 41), deadLetter("C-2", "not json", "not_json", 0, 7));

        // when
        Run run = tool("list", deadLetters, "--bootstrap-server", broker.getBrokersAsString());

        // then
        assertThat(run.exit).isZero();
        assertThat(run.out.lines()).hasSize(3);
        assertThat(run.out)
                .contains("0/0 key=C-1 reason-code=missing_field reason=\"the event has no missing_field\" "
                        + "exception=org.hotline.routing.InvalidEvent original=" + original + "/2/41 group=routing "
                        + "at=2026-12-01T05:00:00Z value=" + PERSONAL.getBytes(StandardCharsets.UTF_8).length
                        + " bytes")
                .contains("0/1 key=C-2 reason-code=not_json")
                .contains("2 dead letter(s) on " + deadLetters)
                .doesNotContain("Aigerim").doesNotContain("my manager").doesNotContain("not json\"");
        assertThat(run.err).isEmpty();
    }

    @Test
    void listLeavesOutDeadLettersOfAbortedTransactions() {
        // given
        committed(deadLetter("C-1", PERSONAL, "routing_failed", 0, 1));
        aborted(deadLetter("C-2", PERSONAL, "routing_failed", 0, 2));
        committed(deadLetter("C-3", PERSONAL, "routing_failed", 0, 3));

        // when
        Run run = tool("list", deadLetters, "--bootstrap-server", broker.getBrokersAsString());

        // then
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("key=C-1").contains("key=C-3").doesNotContain("key=C-2")
                .contains("2 dead letter(s)");
    }

    @Test
    void replayOfChosenOffsetsPutsExactlyThoseRecordsOnTheOriginalTopicAsTheyWere() {
        // given three dead letters on partition 0 at offsets 0, 1 and 2
        committed(deadLetter("C-1", PERSONAL + 1, "routing_failed", 1, 10),
                deadLetter("C-2", PERSONAL + 2, "routing_failed", 1, 11),
                deadLetter("C-3", PERSONAL + 3, "routing_failed", 2, 12));

        // when
        Run run = tool("replay", deadLetters, "--offsets", "0:0,0:2", "--bootstrap-server",
                broker.getBrokersAsString());

        // then
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("replayed " + deadLetters + "/0/0 to " + original + "/")
                .contains("replayed " + deadLetters + "/0/2 to " + original + "/")
                .contains("replayed 2 dead letter(s)").doesNotContain("Aigerim");
        List<ConsumerRecord<byte[], byte[]>> replayed = everythingOn(original);
        assertThat(replayed).extracting(record -> text(record.key())).containsExactlyInAnyOrder("C-1", "C-3");
        ConsumerRecord<byte[], byte[]> first = replayed.stream().filter(record -> text(record.key()).equals("C-1"))
                .findFirst().orElseThrow();
        assertThat(text(first.value())).isEqualTo(PERSONAL + 1);
        assertThat(first.headers().toArray()).extracting(Header::key)
                .containsExactly("ce_type", "traceparent", "x-replayed-from");
        assertThat(text(first.headers().lastHeader("ce_type").value())).isEqualTo("ComplaintReceived");
        assertThat(text(first.headers().lastHeader("x-replayed-from").value())).isEqualTo(deadLetters + "/0/0");
        ConsumerRecord<byte[], byte[]> third = replayed.stream().filter(record -> text(record.key()).equals("C-3"))
                .findFirst().orElseThrow();
        assertThat(text(third.value())).isEqualTo(PERSONAL + 3);
        assertThat(text(third.headers().lastHeader("x-replayed-from").value())).isEqualTo(deadLetters + "/0/2");
    }

    @Test
    void aDeadLetterReplayedBeforeIsRefusedAndNothingIsReplayedUnlessAgainIsGiven() {
        // given two dead letters, the first of them replayed once already
        committed(deadLetter("C-1", PERSONAL + 1, "routing_failed", 1, 10),
                deadLetter("C-2", PERSONAL + 2, "routing_failed", 1, 11));
        assertThat(tool("replay", deadLetters, "--offsets", "0:0", "--bootstrap-server",
                broker.getBrokersAsString()).exit).isZero();

        // when both are replayed
        Run refused = tool("replay", deadLetters, "--all", "--bootstrap-server", broker.getBrokersAsString());

        // then the tool refuses, naming the one replayed before and where its replay is, and publishes nothing
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).contains("already replayed: " + deadLetters + "/0/0 (as " + original + "/")
                .contains("nothing was replayed").contains("--again").doesNotContain(deadLetters + "/0/1");
        assertThat(everythingOn(original)).hasSize(1);

        // and a dry run says which was replayed before
        Run dryRun = tool("replay", deadLetters, "--all", "--dry-run", "--again", "--bootstrap-server",
                broker.getBrokersAsString());
        assertThat(dryRun.out).contains("would replay " + deadLetters + "/0/0 to " + original)
                .contains("(replayed before as " + original + "/");

        // when the operator insists
        Run again = tool("replay", deadLetters, "--all", "--again", "--bootstrap-server",
                broker.getBrokersAsString());

        // then both go back, the first for the second time
        assertThat(again.exit).isZero();
        assertThat(everythingOn(original)).extracting(record -> text(record.key()))
                .containsExactlyInAnyOrder("C-1", "C-1", "C-2");
    }

    @Test
    void replayingTheOtherDeadLettersIsNotHeldUpByOnesReplayedBefore() {
        // given
        committed(deadLetter("C-1", PERSONAL + 1, "routing_failed", 1, 10),
                deadLetter("C-2", PERSONAL + 2, "routing_failed", 1, 11));
        assertThat(tool("replay", deadLetters, "--offsets", "0:0", "--bootstrap-server",
                broker.getBrokersAsString()).exit).isZero();

        // when
        Run run = tool("replay", deadLetters, "--offsets", "0:1", "--bootstrap-server", broker.getBrokersAsString());

        // then
        assertThat(run.exit).isZero();
        assertThat(everythingOn(original)).extracting(record -> text(record.key()))
                .containsExactlyInAnyOrder("C-1", "C-2");
    }

    @Test
    void replayByReasonCodeTakesOnlyTheDeadLettersWithThatCode() {
        // given
        committed(deadLetter("C-1", PERSONAL, "routing_failed", 0, 1), deadLetter("C-2", PERSONAL, "not_json", 0, 2));

        // when
        Run run = tool("replay", deadLetters, "--reason-code", "routing_failed", "--bootstrap-server",
                broker.getBrokersAsString());

        // then
        assertThat(run.exit).isZero();
        assertThat(everythingOn(original)).extracting(record -> text(record.key())).containsExactly("C-1");
    }

    @Test
    void aDryRunSaysWhatItWouldReplayAndPublishesNothing() {
        // given
        committed(deadLetter("C-1", PERSONAL, "routing_failed", 0, 1));

        // when
        Run run = tool("replay", deadLetters, "--all", "--dry-run", "--bootstrap-server", broker.getBrokersAsString());

        // then
        assertThat(run.exit).isZero();
        assertThat(run.out).contains("would replay " + deadLetters + "/0/0 to " + original + " key=C-1")
                .contains("nothing was published");
        assertThat(everythingOn(original)).isEmpty();
    }

    @Test
    void aDeadLetterWithoutItsOriginalTopicIsRefusedAndNothingIsReplayed() {
        // given one dead letter that can be replayed, then one that does not say where it came from
        ProducerRecord<byte[], byte[]> homeless = deadLetter("C-2", PERSONAL, "not_json", 0, 2);
        homeless.headers().remove(DeadLetter.ORIGINAL_TOPIC);
        committed(deadLetter("C-1", PERSONAL, "not_json", 0, 1), homeless);

        // when
        Run run = tool("replay", deadLetters, "--all", "--bootstrap-server", broker.getBrokersAsString());

        // then
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains(deadLetters + "/0/1 has no x-dead-letter-original-topic header")
                .contains("nothing was replayed").doesNotContain("\tat ");
        assertThat(everythingOn(original)).isEmpty();
    }

    @Test
    void anOffsetWithNoDeadLetterIsRefusedAndNothingIsReplayed() {
        // given
        committed(deadLetter("C-1", PERSONAL, "not_json", 0, 1));

        // when
        Run run = tool("replay", deadLetters, "--offsets", "0:0,1:5", "--bootstrap-server",
                broker.getBrokersAsString());

        // then
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("no committed dead letter at 1:5");
        assertThat(everythingOn(original)).isEmpty();
    }

    @Test
    void aTopicThatDoesNotExistIsRefusedWithoutCreatingIt() {
        // when
        Run run = tool("list", "complaints.recieved.v1.dlt", "--bootstrap-server", broker.getBrokersAsString());

        // then
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err).contains("topic complaints.recieved.v1.dlt does not exist");
    }

    /** A dead letter as the services write it: the original record plus the x-dead-letter-* headers. */
    private ProducerRecord<byte[], byte[]> deadLetter(String key, String value, String reasonCode,
            int originalPartition, long originalOffset) {
        List<Header> headers = new ArrayList<>(List.of(
                header("ce_type", "ComplaintReceived"),
                header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                header(DeadLetter.REASON, "the event has no " + reasonCode),
                header(DeadLetter.REASON_CODE, reasonCode),
                header(DeadLetter.EXCEPTION, "org.hotline.routing.InvalidEvent"),
                header(DeadLetter.ORIGINAL_TOPIC, original),
                header(DeadLetter.ORIGINAL_PARTITION, String.valueOf(originalPartition)),
                header(DeadLetter.ORIGINAL_OFFSET, String.valueOf(originalOffset)),
                header(DeadLetter.GROUP, "routing"),
                header(DeadLetter.AT, "2026-12-01T05:00:00Z")));
        return new ProducerRecord<>(deadLetters, 0, bytes(key), bytes(value), headers);
    }

    @SafeVarargs
    private static void committed(ProducerRecord<byte[], byte[]>... records) {
        deadLetterWriter.beginTransaction();
        for (ProducerRecord<byte[], byte[]> record : records) {
            deadLetterWriter.send(record);
        }
        deadLetterWriter.commitTransaction();
    }

    @SafeVarargs
    private static void aborted(ProducerRecord<byte[], byte[]>... records) {
        deadLetterWriter.beginTransaction();
        for (ProducerRecord<byte[], byte[]> record : records) {
            deadLetterWriter.send(record);
        }
        deadLetterWriter.flush();
        deadLetterWriter.abortTransaction();
    }

    /**
     * Every record on a topic, committed or not. The tool waits for each acknowledgement before it returns, so
     * what is not there by the end offsets read now was never published.
     */
    private static List<ConsumerRecord<byte[], byte[]>> everythingOn(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Run tool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DeadLetters.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exit, String out, String err) {
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, bytes(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
