package org.hotline.cases.ratelimit.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hotline.web.ratelimit.Rate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of the acknowledgement form, {@code POST /ack/{token}}
 * ({@code hotline.cases.acknowledgement.rate-limit.*}, docs/security.md). The signed token is unguessable, so
 * these only keep one address from flooding the case events; they are more generous than the status API's, for a
 * body's office that confirms many cases from one address. Clients are identified as for the status API
 * ({@code hotline.cases.status.rate-limit.trusted-proxies}).
 *
 * @param enabled false turns both limits off (the test profile)
 * @param perClient what one client address may send: 30 a minute, 10 at once
 * @param global what all clients together may send
 * @param maxClients the most client addresses remembered at once (about 150 bytes each)
 */
@Validated
@ConfigurationProperties("hotline.cases.acknowledgement.rate-limit")
public record AcknowledgementRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid PerClient perClient,
        @DefaultValue @Valid Global global,
        @DefaultValue("100000") @Min(1) @Max(10_000_000) int maxClients) {

    /**
     * @param requests requests one address may send per {@code period}, sustained
     * @param period the period of {@code requests}
     * @param burst requests one address may send at once after a quiet spell (the size of its bucket)
     */
    public record PerClient(
            @DefaultValue("30") @Min(1) int requests,
            @DefaultValue("1m") @NotNull Duration period,
            @DefaultValue("10") @Min(1) int burst) {

        Rate rate() {
            return new Rate(requests, period, burst);
        }
    }

    /**
     * @param requests requests all clients together may send per {@code period}, sustained
     * @param period the period of {@code requests}
     * @param burst requests all clients together may send at once after a quiet spell
     */
    public record Global(
            @DefaultValue("600") @Min(1) int requests,
            @DefaultValue("1m") @NotNull Duration period,
            @DefaultValue("200") @Min(1) int burst) {

        Rate rate() {
            return new Rate(requests, period, burst);
        }
    }
}
