package org.hotline.notification.dispatch.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hotline.notification.dispatch.application.InDoubtPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification service ({@code hotline.notification.*}). SMTP itself is {@code spring.mail.*}.
 *
 * @param ledgerDirectory where the outbox and ledger of sent messages live; must survive restarts (a
 *     persistent volume) and belong to one instance only. Losing it means already-sent messages can be sent
 *     again on a replay of the topic.
 * @param templatesDirectory an NGO's own templates, looked up before the shipped ones; none by default
 * @param messageIdDomain the right-hand side of every Message-ID; use a domain the NGO controls
 * @param pollInterval how often the dispatcher looks for due messages
 * @param batchSize the most messages sent over one SMTP connection
 * @param inDoubtPolicy what to do with a send found started but unrecorded after a restart
 * @param retry back-off for transient SMTP failures
 * @param ngo the operating NGO as messages present it
 * @param topics the topics this service reads and writes, and how it creates the ones it owns
 * @param kafka Kafka timeouts and the consumer's retry of non-poison failures
 */
@Validated
@ConfigurationProperties("hotline.notification")
public record NotificationProperties(
        @NotNull Path ledgerDirectory,
        @Nullable Path templatesDirectory,
        @DefaultValue("notification.hotline.invalid") @NotBlank String messageIdDomain,
        @DefaultValue("200ms") @NotNull Duration pollInterval,
        @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("FLAG") @NotNull InDoubtPolicy inDoubtPolicy,
        @DefaultValue @Valid Retry retry,
        @Valid @NotNull Ngo ngo,
        @DefaultValue @Valid Topics topics,
        @DefaultValue @Valid Kafka kafka) {

    /**
     * @param initial the wait after the first transient failure
     * @param multiplier the growth of each further wait
     * @param max the longest wait between two attempts
     * @param giveUpAfter after this long in the outbox a message fails as RETRIES_EXHAUSTED
     */
    public record Retry(
            @DefaultValue("5s") @NotNull Duration initial,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("10m") @NotNull Duration max,
            @DefaultValue("3d") @NotNull Duration giveUpAfter) {
    }

    /**
     * @param nameKk the NGO's name in Kazakh
     * @param nameRu the NGO's name in Russian
     * @param nameEn the NGO's name in English
     * @param email the address bodies and complainants write to
     * @param phone the NGO's hotline number
     * @param caseworkerMailbox where every decision, fallback and failure is reported
     * @param caseworkerLanguage the language of those reports (kk, ru or en)
     * @param fromAddress the sender of every message; SPF/DKIM must allow the SMTP server to send for it
     */
    public record Ngo(
            @NotBlank String nameKk,
            @NotBlank String nameRu,
            @NotBlank String nameEn,
            @NotBlank @Email String email,
            @NotBlank String phone,
            @NotBlank @Email String caseworkerMailbox,
            @DefaultValue("ru") @NotBlank String caseworkerLanguage,
            @NotBlank @Email String fromAddress) {
    }

    /**
     * @param routed the topic read (its binding is {@code routedComplaints-in-0} in application.yml)
     * @param outcomes where NotificationOutcome events go
     * @param deadLetter where poison ComplaintRouted records go
     * @param partitions partitions of the topics this service creates
     * @param replicationFactor replicas of the topics this service creates (3 in production)
     */
    public record Topics(
            @DefaultValue("complaints.routed.v1") @NotBlank String routed,
            @DefaultValue("notifications.outcomes.v1") @NotBlank String outcomes,
            @DefaultValue("complaints.routed.v1.dlt") @NotBlank String deadLetter,
            @DefaultValue("6") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor) {
    }

    /**
     * @param sendTimeout how long an outcome or dead-letter send waits for the broker
     * @param retryInitial first wait before a failed (non-poison) record is redelivered
     * @param retryMax longest such wait; keep far below max.poll.interval.ms
     */
    public record Kafka(
            @DefaultValue("10s") @NotNull Duration sendTimeout,
            @DefaultValue("500ms") @NotNull Duration retryInitial,
            @DefaultValue("5s") @NotNull Duration retryMax) {
    }
}
