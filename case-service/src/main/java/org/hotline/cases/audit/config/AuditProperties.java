package org.hotline.cases.audit.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail of the caseworker endpoint ({@code hotline.audit.*}, as routing's).
 *
 * @param topic where {@code StaffActionAudited} events go, keyed by principal; provisioned with the other topics,
 *     never created by the service
 * @param sendTimeout how long a caseworker's request waits, after its answer is decided, for the broker to
 *     acknowledge its audit event; past it the event is in the log only and counted as failed
 */
@Validated
@ConfigurationProperties("hotline.audit")
public record AuditProperties(
        @DefaultValue("audit.events.v1") @NotBlank String topic,
        @DefaultValue("5s") @NotNull Duration sendTimeout) {
}
