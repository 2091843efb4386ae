package org.hotline.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.intake.it.IntakeHarness.readCommittedIncluding;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
    private static final String SHYMKENT_KEY = "shymkent-key-" + UUID.randomUUID();

    private static Path withdrawnKeys;

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext intake;

    @BeforeAll
    static void start() throws Exception {
        withdrawnKeys = Files.createTempFile("withdrawn-partner-keys", ".txt");
        Files.writeString(withdrawnKeys, "# none yet\n");
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
                "hotline.intake.partners.accounts[1].previous-key-sha256s[0]=" + sha256(KOSTANAY_OLD_KEY),
                "hotline.intake.partners.accounts[2].name=ngo-shymkent",
                "hotline.intake.partners.accounts[2].key-sha256=" + sha256(SHYMKENT_KEY),
                "hotline.intake.partners.withdrawn-keys-file=" + withdrawnKeys,
                "hotline.intake.partners.withdrawn-keys-refresh=200ms");
    }

    @AfterAll
    static void stop() throws Exception {
        intake.close();
        broker.destroy();
        Files.deleteIfExists(withdrawnKeys);
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

    @Test
    void withdrawsAKeyListedInTheWithdrawnKeysFileWithoutARestartAndKeepsItWithdrawnWhenTheFileBreaks()
            throws Exception {
        MeterRegistry meters = intake.getBean(MeterRegistry.class);
        // An invalid body again: 400 says the key was taken, 401 that it was refused; nothing reaches the topic.
        assertThat(invalidComplaintWith(SHYMKENT_KEY).statusCode()).isEqualTo(400);

        replace(withdrawnKeys, "# leaked on 2026-12-03\n" + sha256(SHYMKENT_KEY).toUpperCase(Locale.ROOT) + "\n");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> invalidComplaintWith(SHYMKENT_KEY).statusCode() == 401);
        HttpResponse<String> refused = invalidComplaintWith(SHYMKENT_KEY);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("type").stringValue())
                .isEqualTo("urn:hotline:problem:authentication-required");
        assertThat(refused.body()).doesNotContain("withdrawn", "shymkent");
        assertThat(invalidComplaintWith(KOSTANAY_KEY).statusCode()).as("another partner's key").isEqualTo(400);
        assertThat(meters.get("hotline.intake.partner.withdrawn.key.requests").tag("partner", "ngo-shymkent")
                .counter().count()).isGreaterThanOrEqualTo(2.0);
        assertThat(meters.get("hotline.intake.partner.withdrawn.keys").gauge().value()).isEqualTo(1.0);

        // A file that no longer parses leaves the key withdrawn, and says so in its failure counter.
        double failuresBefore = meters.get("hotline.intake.partner.withdrawn.keys.reload.failures").counter().count();
        replace(withdrawnKeys, "half-written\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> meters.get(
                "hotline.intake.partner.withdrawn.keys.reload.failures").counter().count() > failuresBefore);
        assertThat(invalidComplaintWith(SHYMKENT_KEY).statusCode()).isEqualTo(401);

        // Taken out of the file, the key works again.
        replace(withdrawnKeys, "");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> invalidComplaintWith(SHYMKENT_KEY).statusCode() == 400);
    }

    /** As an operator should, and as the kubelet does: a whole new file moved over the old one. */
    private static void replace(Path file, String content) throws Exception {
        Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static HttpResponse<String> invalidComplaintWith(String partnerKey) {
        return IntakeHarness.postJson(intake, "{\"channel\": \"FAX\"}", "Authorization", "Bearer " + partnerKey);
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
