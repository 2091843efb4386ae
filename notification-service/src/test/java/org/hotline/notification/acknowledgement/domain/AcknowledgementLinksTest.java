package org.hotline.notification.acknowledgement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AcknowledgementLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final UUID COMPLAINT = UUID.fromString("0f6c2a7e-1b1d-4c1e-9d55-3a1f6b2f0a11");

    private final LinkSigner signer = new LinkSigner("k1",
            Map.of("k1", "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8)));
    private final AcknowledgementLinks links = new AcknowledgementLinks(signer, "https://cases.ngo.example/",
            Duration.ofDays(60), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkOpensTheCaseServicesPageAndExpiresAfterTheValidityFromNow() {
        // when
        String url = links.acknowledge(COMPLAINT, "HL-7F3K-9QX2-ABCD", "kz-39-police").orElseThrow();

        // then
        assertThat(url).startsWith("https://cases.ngo.example/ack/");
        String token = url.substring("https://cases.ngo.example/ack/".length());
        assertThat(signer.verify(token, LinkPurpose.ACKNOWLEDGE, NOW)).contains(new AcknowledgementLink(COMPLAINT,
                "HL-7F3K-9QX2-ABCD", "kz-39-police", LinkPurpose.ACKNOWLEDGE, NOW.plus(Duration.ofDays(60))));
    }

    @Test
    void aReferenceSpanningLinesGetsNoLinkRatherThanOneWhoseFieldsShifted() {
        assertThat(links.acknowledge(COMPLAINT, "HL-EVIL\r\nkz-39-prosecutor", "kz-39-police")).isEmpty();
    }
}
