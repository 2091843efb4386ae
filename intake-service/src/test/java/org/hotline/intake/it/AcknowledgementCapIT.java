package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.postJson;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cap on acknowledgements per address against a real broker: over it, the complaint is accepted as always and
 * its sealed block says that the acknowledgement is withheld; nothing in the answer or in clear on the topic
 * says so.
 */
class AcknowledgementCapIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "cap.complaints.received.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker, "hotline.intake.topics.complaints=" + TOPIC,
                "hotline.intake.acknowledgement-cap.enabled=true",
                "hotline.intake.acknowledgement-cap.per-address.acknowledgements=2",
                "hotline.intake.acknowledgement-cap.per-address.period=1h",
                "hotline.intake.acknowledgement-cap.per-address.burst=2");
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void withholdsTheAcknowledgementsOfAnAddressOverItsAllowanceInTheSealedBlockAndSaysNothingElsewhere() {
        // given an allowance of 2 an hour per address; the third is the same mailbox written otherwise
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(postJson(intake, complaint("victim@mail.example", true)));
        answers.add(postJson(intake, complaint("victim@mail.example", true)));
        answers.add(postJson(intake, complaint(" Victim+hotline@MAIL.example", true)));
        // another address, an address without consent, and the capped address again without consent
        answers.add(postJson(intake, complaint("someone.else@mail.example", true)));
        answers.add(postJson(intake, complaint("victim@mail.example", false)));

        // then every complaint is accepted with the same kind of answer
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202));
        List<String> fields = List.copyOf(JSON.readTree(answers.get(0).body()).propertyNames());
        assertThat(answers).extracting(answer -> List.copyOf(JSON.readTree(answer.body()).propertyNames()))
                .allSatisfy(names -> assertThat(names).isEqualTo(fields));
        List<String> ids = answers.stream().map(answer -> JSON.readTree(answer.body()).get("complaintId")
                .stringValue()).toList();
        List<ConsumerRecord<String, byte[]>> records = readCommittedIncluding(broker, TOPIC, ids);

        // and only the third one's sealed block withholds the acknowledgement
        assertThat(ids).extracting(id -> opened(records, id).get("acknowledgementWithheld").booleanValue())
                .containsExactly(false, false, true, false, false);
        // nothing in clear tells an integrator
        assertThat(records).allSatisfy(record -> assertThat(new String(record.value()))
                .doesNotContain("acknowledgementWithheld").doesNotContain("mail.example"));
        assertThat(intake.getBean(MeterRegistry.class).get("hotline.intake.acknowledgements.withheld").counter()
                .count()).isEqualTo(1.0);
    }

    private static String complaint(String email, boolean consent) {
        return Requests.ALMATY_ANALYST.replace("dana@example.org", email)
                .replace("\"consentToContact\": true", "\"consentToContact\": " + consent);
    }

    private static JsonNode opened(List<ConsumerRecord<String, byte[]>> records, String complaintId) {
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> r.key().equals(complaintId))
                .findFirst().orElseThrow();
        JsonNode sealed = JSON.readTree(record.value()).at("/complainant/sealed");
        return JSON.readTree(IntakeHarness.openSealed(broker, complaintId, sealed, "complainant"));
    }
}
