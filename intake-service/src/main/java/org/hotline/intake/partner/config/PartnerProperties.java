package org.hotline.intake.partner.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The partner accounts of {@code POST /api/v1/complaints} ({@code hotline.intake.partners.*}, docs/security.md,
 * "Partners"). None by default: then every request is the public's.
 *
 * @param accounts one per partner organisation
 * @param withdrawnKeysFile a file of keys to refuse at once, the SHA-256 of one key per line ({@code #} begins a
 *     comment), read at start and every {@code withdrawnKeysRefresh}: a leaked key is withdrawn by adding its
 *     hash there, without a restart. A file that does not exist withdraws nothing until it does. None by default
 * @param withdrawnKeysRefresh how often the file is read again
 */
@Validated
@ConfigurationProperties("hotline.intake.partners")
public record PartnerProperties(
        @DefaultValue @NotNull @Valid List<Account> accounts,
        @Nullable Path withdrawnKeysFile,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration withdrawnKeysRefresh) {

    /**
     * @param name how logs, problems and the idempotency scope know the partner: letters, digits, dot, dash and
     *     underscore
     * @param keySha256 the SHA-256 of the partner's key, in lower-case hex: the key itself is given to the
     *     partner and kept nowhere here (docs/security.md says how to make one)
     * @param previousKeySha256s the SHA-256 of keys the partner may still use while it moves to {@code keySha256}:
     *     a key is changed by giving the new one while the old one still works, so that no request of the partner
     *     is refused in between; each counts in {@code hotline.intake.partner.previous.key.requests}, and once that
     *     stays flat the old key is removed
     * @param requests complaints the partner may send per {@code period}, sustained, instead of the per-address
     *     limit: a partner sends for many people from few addresses
     * @param period the period of {@code requests}
     * @param burst complaints the partner may send at once after a quiet spell
     */
    public record Account(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String name,
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)")
            String keySha256,
            @DefaultValue @NotNull List<@NotNull @Pattern(regexp = "[0-9a-f]{64}",
                    message = "must be 64 lower-case hex digits (SHA-256)") String> previousKeySha256s,
            @DefaultValue("600") @Min(1) int requests,
            @DefaultValue("1m") @NotNull Duration period,
            @DefaultValue("60") @Min(1) int burst) {
    }
}
