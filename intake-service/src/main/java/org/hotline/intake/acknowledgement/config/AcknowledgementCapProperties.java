package org.hotline.intake.acknowledgement.config;

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
 * The cap on acknowledgements mailed to one address ({@code hotline.intake.acknowledgement-cap.*},
 * docs/security.md, "Acknowledgements").
 *
 * @param enabled false sends an acknowledgement for every complaint that asks for one (the test profile, whose
 *     tests send many complaints from one address)
 * @param perAddress how many acknowledgements one address may be sent: 5 a day, 5 at once, in each intake
 *     instance. A complainant who writes about several incidents on one day still gets each; someone who types a
 *     stranger's address into a hundred complaints gets the stranger the mail of five of them a day
 * @param maxAddresses the most addresses remembered at once (about 150 bytes each); beyond it the least recently
 *     used is forgotten, which gives that address a fresh allowance
 */
@Validated
@ConfigurationProperties("hotline.intake.acknowledgement-cap")
public record AcknowledgementCapProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue @Valid PerAddress perAddress,
        @DefaultValue("100000") @Min(1) @Max(10_000_000) int maxAddresses) {

    /**
     * @param acknowledgements acknowledgements one address may be sent per {@code period}, sustained
     * @param period the period of {@code acknowledgements}
     * @param burst acknowledgements one address may be sent at once after a quiet spell
     */
    public record PerAddress(
            @DefaultValue("5") @Min(1) int acknowledgements,
            @DefaultValue("1d") @NotNull Duration period,
            @DefaultValue("5") @Min(1) int burst) {

        Rate rate() {
            return new Rate(acknowledgements, period, burst);
        }
    }
}
