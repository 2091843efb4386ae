package org.hotline.cases.ratelimit.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hotline.web.ratelimit.Rate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of {@code POST /api/v1/complaints/status} ({@code hotline.cases.status.rate-limit.*},
 * docs/security.md). A reference and a tracking code are secrets of 16 characters each; the limits make guessing
 * one slow, whatever the answer time.
 *
 * @param enabled false turns both limits off (the test profile, whose tests poll from one address); raise the
 *     limits rather than turn them off in production
 * @param perClient what one client address may ask. A whole office or campus behind one NAT shares it, and a
 *     complainant who mistypes tries again a few times: 10 a minute, 10 at once
 * @param global what all clients together may ask, against guessing spread over many addresses
 * @param maxClients the most client addresses remembered at once (about 150 bytes each). Beyond it the least
 *     recently seen is forgotten, which gives that address a fresh allowance
 * @param trustedProxies addresses or CIDR ranges of the reverse proxies / ingress in front of the service. Only
 *     when the peer is one of them does {@code X-Forwarded-For} count, and then its first address from the right
 *     that is not a trusted proxy is the client. Empty: the peer is the client, and behind a proxy everyone
 *     shares the proxy's allowance. The acknowledgement form's limit identifies clients the same way
 */
@Validated
@ConfigurationProperties("hotline.cases.status.rate-limit")
public record StatusRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid PerClient perClient,
        @DefaultValue @Valid Global global,
        @DefaultValue("100000") @Min(1) @Max(10_000_000) int maxClients,
        @DefaultValue @NotNull List<String> trustedProxies) {

    /**
     * @param requests requests one address may send per {@code period}, sustained
     * @param period the period of {@code requests}
     * @param burst requests one address may send at once after a quiet spell (the size of its bucket)
     */
    public record PerClient(
            @DefaultValue("10") @Min(1) int requests,
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
            @DefaultValue("300") @Min(1) int requests,
            @DefaultValue("1m") @NotNull Duration period,
            @DefaultValue("100") @Min(1) int burst) {

        Rate rate() {
            return new Rate(requests, period, burst);
        }
    }
}
