package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner accounts against a real broker: a partner's key, its own idempotency keys and its own rate limit. The
 * limits are on, and every request comes from 127.0.0.1, whose per-address allowance is one complaint an hour.
 */
class PartnerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "partner.complaints.received.v1";
    private static final String ALMATY_KEY = "almaty-key-" + UUID.randomUUID();
    private static final String KOSTANAY_KEY = "kostanay-key-" + UUID.randomUUID();
    private static final String KOSTANAY_OLD_KEY = "kostanay-old-key-" + UUID.randomUUID();

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() throws Exception {
        broker = IntakeHarness.startBroker();
        intake = IntakeHarness.startIntake(broker, "hotline.intake.topics.complaints=" + TOPIC,
                "hotline.intake.rate-limit.enabled=true",
                "hotline.intake.rate-limit.per-client.requests=1",
                "hotline.intake.rate-limit.per-client.period=1h",
                "hotline.intake.rate-limit.per-client.burst=1",
                "hotline.intake.partners.accounts[0].name=ngo-almaty",
                "hotline.intake.partners.accounts[0].key-sha256=" + sha256(ALMATY_KEY),
                "hotline.intake.partners.accounts[0].requests=4",
                "hotline.intake.partners.accounts[0].period=1h",
                "hotline.intake.partners.accounts[0].burst=4",
                "hotline.intake.partners.accounts[1].name=ngo-kostanay",
                "hotline.intake.partners.accounts[1].key-sha256=" + sha256(KOSTANAY_KEY),
                "hotline.intake.partners.accounts[1].previous-key-sha256s[0]=" + sha256(KOSTANAY_OLD_KEY));
    }

    @AfterAll
    static void stop() {
        intake.close();
        broker.destroy();
    }

    @Test
    void givesEachPartnerItsOwnIdempotencyKeysAndRateLimitAndRefusesAKeyThatIsNobodys() {
        String key = "shared-" + UUID.randomUUID();

        HttpResponse<String> almaty = submit(ALMATY_KEY, key);
        HttpResponse<String> almatyRetry = submit(ALMATY_KEY, key);
        HttpResponse<String> kostanay = submit(KOSTANAY_KEY, key);
        HttpResponse<String> publicSameKey = submit(null, key);
        HttpResponse<String> publicOverItsAddress = submit(null, "public-" + UUID.randomUUID());
        HttpResponse<String> almatyStillServed = submit(ALMATY_KEY, "other-" + UUID.randomUUID());
        HttpResponse<String> almatyFourth = submit(ALMATY_KEY, "fourth-" + UUID.randomUUID());
        HttpResponse<String> almatyOverItsLimit = submit(ALMATY_KEY, "fifth-" + UUID.randomUUID());
        HttpResponse<String> wrongKey = submit("almaty-key-mistyped", "wrong-" + UUID.randomUUID());

        assertThat(List.of(almaty, almatyRetry, kostanay, publicSameKey, almatyStillServed, almatyFourth))
                .allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(202));
        String almatyId = complaintId(almaty);
        assertThat(complaintId(almatyRetry)).as("a retry gets the first receipt").isEqualTo(almatyId);
        assertThat(JSON.readTree(almatyRetry.body()).get("trackingCode"))
                .isEqualTo(JSON.readTree(almaty.body()).get("trackingCode"));
        assertThat(List.of(complaintId(kostanay), complaintId(publicSameKey)))
                .as("the same key from another partner or from the public names another complaint")
                .doesNotContain(almatyId).doesNotHaveDuplicates();
        assertThat(publicSameKey.body()).doesNotContain(JSON.readTree(almaty.body()).get("trackingCode").stringValue());

        assertThat(publicOverItsAddress.statusCode()).as(publicOverItsAddress.body()).isEqualTo(429);
        assertThat(JSON.readTree(publicOverItsAddress.body()).get("detail").stringValue()).contains("address");
        assertThat(almatyOverItsLimit.statusCode()).as(almatyOverItsLimit.body()).isEqualTo(429);
        assertThat(almatyOverItsLimit.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(almatyOverItsLimit.body()).get("detail").stringValue())
                .contains("partner account");

        assertThat(wrongKey.statusCode()).as(wrongKey.body()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongKey.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        JsonNode problem = JSON.readTree(wrongKey.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("urn:hotline:problem:authentication-required");
        assertThat(wrongKey.body()).doesNotContain("almaty-key", "ngo-almaty");

        List<String> accepted = List.of(almatyId, complaintId(kostanay), complaintId(publicSameKey),
                complaintId(almatyStillServed), complaintId(almatyFourth));
        assertThat(readCommittedIncluding(broker, TOPIC, accepted)).extracting(ConsumerRecord::key)
                .as("one record per complaint accepted, none for the retry or the refusals")
                .containsExactlyInAnyOrderElementsOf(accepted);
    }

    @Test
    void takesAPartnersPreviousKeyWhileItChangesKeysAndCountsItsUse() {
        // An invalid body: the partner filter has let the request through when the answer is 400, not 401, and
        // nothing reaches the topic that the other test counts.
        HttpResponse<String> oldKey = IntakeHarness.postJson(intake, "{\"channel\": \"FAX\"}",
                "Authorization", "Bearer " + KOSTANAY_OLD_KEY);
        HttpResponse<String> mistypedOldKey = IntakeHarness.postJson(intake, "{\"channel\": \"FAX\"}",
                "Authorization", "Bearer " + KOSTANAY_OLD_KEY + "x");

        assertThat(oldKey.statusCode()).as(oldKey.body()).isEqualTo(400);
        assertThat(mistypedOldKey.statusCode()).as(mistypedOldKey.body()).isEqualTo(401);
        assertThat(intake.getBean(MeterRegistry.class).get("hotline.intake.partner.previous.key.requests")
                .tag("partner", "ngo-kostanay").counter().count()).isEqualTo(1.0);
    }

    private static HttpResponse<String> submit(String partnerKey, String idempotencyKey) {
        if (partnerKey == null) {
            return IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", idempotencyKey);
        }
        return IntakeHarness.postJson(intake, Requests.ALMATY_ANALYST, "Idempotency-Key", idempotencyKey,
                "Authorization", "Bearer " + partnerKey);
    }

    private static String complaintId(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("complaintId").stringValue();
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
