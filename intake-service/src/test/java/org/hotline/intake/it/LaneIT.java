package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.postJson;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The priority lane against a real broker with six partitions: a source's complaints beyond its allowance travel
 * on the last partition, everyone else's on the other five, and a retry keeps the lane of the complaint it repeats.
 */
class LaneIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "lanes.complaints.received.v1";
    private static final int BULK_PARTITION = 5;

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker, "hotline.intake.topics.complaints=" + TOPIC,
                "hotline.intake.topics.idempotency=lanes.intake.idempotency.v1",
                "hotline.intake.topics.partitions=6",
                "hotline.intake.lanes.enabled=true",
                "hotline.intake.lanes.priority-allowance.complaints=2",
                "hotline.intake.lanes.priority-allowance.period=1h",
                "hotline.intake.rate-limit.trusted-proxies[0]=127.0.0.1",
                "hotline.intake.rate-limit.trusted-proxies[1]=::1");
        MeterRegistry registry = intake.getBean(MeterRegistry.class);
        Awaitility.await().alias("the intake knows the topic's six partitions").atMost(Duration.ofSeconds(30))
                .until(() -> registry.get("hotline.intake.lanes.partitions").gauge().value() == 6);
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void aSourceBeyondItsAllowanceGoesOnTheBulkPartitionWhileOtherSourcesStayOffIt() {
        // given a flood of twelve complaints from one address, with one complaint each from six others among them
        List<String> flood = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            flood.add(complaintId(postJson(intake, Requests.ALMATY_ANALYST, "X-Forwarded-For", "203.0.113.7")));
            if (i % 2 == 0) {
                others.add(complaintId(postJson(intake, Requests.KOSTANAY_SCHOOL, "X-Forwarded-For",
                        "198.51.100." + i)));
            }
        }

        // when their records are read from the topic
        List<String> all = new ArrayList<>(flood);
        all.addAll(others);
        Map<String, Integer> partitions = readCommittedIncluding(broker, TOPIC, all).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::partition, (a, b) -> a));

        // then the flood's first two are in the priority lane and its other ten on the bulk partition
        assertThat(flood.subList(0, 2)).allSatisfy(id -> assertThat(partitions.get(id)).isLessThan(BULK_PARTITION));
        assertThat(flood.subList(2, 12)).allSatisfy(id -> assertThat(partitions.get(id)).isEqualTo(BULK_PARTITION));
        // and no other source's complaint is on it, though the ids spread over the priority partitions as before
        assertThat(others).allSatisfy(id -> assertThat(partitions.get(id)).isLessThan(BULK_PARTITION));
        MeterRegistry registry = intake.getBean(MeterRegistry.class);
        assertThat(registry.get("hotline.intake.complaints.laned").tag("lane", "bulk").counter().count())
                .isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void aRetryKeepsTheIdAndLaneOfTheComplaintItRepeatsFromWhicheverLaneItComesNow() {
        // given a keyed complaint sent in the bulk lane (its address's allowance used up first)
        String address = "203.0.113.99";
        postJson(intake, Requests.MINIMAL_ANONYMOUS, "X-Forwarded-For", address);
        postJson(intake, Requests.MINIMAL_ANONYMOUS, "X-Forwarded-For", address);
        HttpResponse<String> first = postJson(intake, Requests.ALMATY_ANALYST, "X-Forwarded-For", address,
                "Idempotency-Key", "lane-retry-1");
        String id = complaintId(first);

        // when the client retries it from a fresh address, whose complaints would go in the priority lane
        HttpResponse<String> retry = postJson(intake, Requests.ALMATY_ANALYST, "X-Forwarded-For", "192.0.2.55",
                "Idempotency-Key", "lane-retry-1");

        // then the retry gets the first receipt, and the topic holds the complaint once, on the bulk partition
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        assertThat(complaintId(retry)).isEqualTo(id);
        List<ConsumerRecord<String, byte[]>> records = readCommittedIncluding(broker, TOPIC, List.of(id)).stream()
                .filter(record -> record.key().equals(id)).toList();
        assertThat(records).singleElement().extracting(ConsumerRecord::partition).isEqualTo(BULK_PARTITION);

        // and a new keyed complaint from the fresh address, whose allowance the retry did take from, is placed by
        // its own lane: the key names one id in each lane and the lane decides which
        String second = complaintId(postJson(intake, Requests.KOSTANAY_SCHOOL, "X-Forwarded-For", "192.0.2.55",
                "Idempotency-Key", "lane-retry-2"));
        Map<String, Integer> partitions = readCommittedIncluding(broker, TOPIC, List.of(second)).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::partition, (a, b) -> a));
        assertThat(partitions.get(second)).isLessThan(BULK_PARTITION);
    }

    private static String complaintId(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).get("complaintId").stringValue();
    }
}
