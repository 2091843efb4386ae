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
import java.time.ZoneId;
import org.hotline.notification.dispatch.application.InDoubtPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the notification service ({@code hotline.notification.*}). SMTP itself is {@code spring.mail.*}.
 *
 * @param templatesDirectory an NGO's own templates, looked up before the shipped ones; none by default
 * @param messageIdDomain the right-hand side of every Message-ID; use a domain the NGO controls
 * @param pollInterval how long an idle sender waits before looking for due messages again
 * @param batchSize the most messages a sender takes at once: their intents are one ledger write, their results
 *     another; a crash during the batch leaves at most this many sends in doubt
 * @param connections SMTP connections, one sender thread each; the SMTP server's limit per client bounds it
 * @param idleConnectionTimeout a sender closes its SMTP connection after this long without a message
 * @param maxBacklog the most messages taken from Kafka, not yet settled and not waiting for a retry; past it, or
 *     past ten times as many held in all (retries included), the consumer pauses its partitions (resuming at
 *     half), so memory stays bounded whatever the backlog: the rest waits in Kafka
 * @param inDoubtPolicy what to do with a send found started but unrecorded after a restart
 * @param retry back-off for transient SMTP failures
 * @param ngo the operating NGO as messages present it
 * @param topics the topics this service reads and writes, and how it creates the ones it owns
 * @param ledger the ledger on its compacted topic
 * @param kafka Kafka timeouts and the consumer's batch
 * @param ladder the letters of the case service's reminders and escalations
 */
@Validated
@ConfigurationProperties("hotline.notification")
public record NotificationProperties(
        @Nullable Path templatesDirectory,
        @DefaultValue("notification.hotline.invalid") @NotBlank String messageIdDomain,
        @DefaultValue("200ms") @NotNull Duration pollInterval,
        @DefaultValue("20") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("4") @Min(1) @Max(64) int connections,
        @DefaultValue("2s") @NotNull Duration idleConnectionTimeout,
        @DefaultValue("1000") @Min(1) int maxBacklog,
        @DefaultValue("FLAG") @NotNull InDoubtPolicy inDoubtPolicy,
        @DefaultValue @Valid Retry retry,
        @Valid @NotNull Ngo ngo,
        @DefaultValue @Valid Topics topics,
        @DefaultValue @Valid Ledger ledger,
        @DefaultValue @Valid Kafka kafka,
        @DefaultValue @Valid Ladder ladder) {

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
     * @param routed the topic read
     * @param group the consumer group reading it; every instance of the service shares it
     * @param outcomes where NotificationConcluded events (wire type NotificationOutcome) go
     * @param deadLetter where poison ComplaintRouted records go
     * @param deadLetterRetention how long dead letters are kept for an operator to look at and replay
     * @param ledger the compacted ledger topic; it must have at least as many partitions as {@code routed}
     * @param caseEvents the case service's events, read for reminders and escalations
     * @param caseEventsGroup the consumer group reading {@code caseEvents}
     * @param caseEventsDeadLetter where poison records of {@code caseEvents} go (this service's: the case service
     *     reads the topic too, and replaying a record puts it back for both)
     * @param caseLedger the compacted ledger of the letters planned from {@code caseEvents}, one partition for each
     *     of its partitions
     * @param partitions partitions of the topics this service creates; keep it equal to those of {@code routed}
     *     and {@code caseEvents}
     * @param replicationFactor replicas of the topics this service creates (3 in production)
     */
    public record Topics(
            @DefaultValue("complaints.routed.v1") @NotBlank String routed,
            @DefaultValue("notification-service") @NotBlank String group,
            @DefaultValue("notifications.outcomes.v1") @NotBlank String outcomes,
            @DefaultValue("complaints.routed.v1.dlt") @NotBlank String deadLetter,
            @DefaultValue("30d") @NotNull Duration deadLetterRetention,
            @DefaultValue("notification.ledger.v1") @NotBlank String ledger,
            @DefaultValue("cases.events.v1") @NotBlank String caseEvents,
            @DefaultValue("notification-service-cases") @NotBlank String caseEventsGroup,
            @DefaultValue("cases.events.v1.notification.dlt") @NotBlank String caseEventsDeadLetter,
            @DefaultValue("notification.ledger.cases.v1") @NotBlank String caseLedger,
            @DefaultValue("6") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor) {
    }

    /**
     * @param transactionalIdPrefix the ledger writer of partition p has the transactional id prefix + p, the same
     *     on every instance, so that the instance taking a partition fences the one that had it. Two deployments
     *     sharing a cluster need different prefixes.
     * @param transactionTimeout an open ledger transaction of an instance that died is aborted after this; the
     *     partition's next owner waits at most this long for it
     * @param loadTimeout the longest reading a partition's ledger may take when taking the partition
     * @param retry the first wait before a ledger write is tried again after the broker did not take it
     * @param markerLinger how long a sent-marker waits for the next ones to go to the broker in the same request: the
     *     markers of a batch's emails, sent a few milliseconds apart, then take one request instead of one each. It
     *     widens the window in which a crash leaves a send in doubt by up to as much (docs/notification.md, "In
     *     doubt")
     */
    public record Ledger(
            @DefaultValue("notification-ledger-") @NotBlank String transactionalIdPrefix,
            @DefaultValue("30s") @NotNull Duration transactionTimeout,
            @DefaultValue("2m") @NotNull Duration loadTimeout,
            @DefaultValue("500ms") @NotNull Duration retry,
            @DefaultValue("20ms") @NotNull Duration markerLinger) {

        public Ledger {
            if (markerLinger.isNegative() || markerLinger.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("marker-linger must be between 0 and 1s, not " + markerLinger);
            }
        }
    }

    /**
     * @param sendTimeout how long a ledger write or a dead-letter send waits for the broker
     * @param maxPollRecords the most routed records one poll takes; each plans a handful of messages
     */
    public record Kafka(
            @DefaultValue("10s") @NotNull Duration sendTimeout,
            @DefaultValue("100") @Min(1) int maxPollRecords) {
    }

    /**
     * @param directoryLocation the routing directory's authorities file, where the letters find each body's name,
     *     address and language: the same file routing reads (docs/routing.md); by default the sample one shipped
     * @param unitsLocation the routing directory's units file, where every email finds the names of the regions and
     *     districts it would otherwise show by code: the same file routing reads; by default the sample one shipped
     * @param timeZone the zone dates and times in the letters are written in
     * @param connections SMTP connections, one sender thread each, for these letters (few: a handful a day)
     * @param transactionalIdPrefix the ledger writers' prefix for these letters; distinct from the routed ones'
     */
    public record Ladder(
            @DefaultValue("classpath:directory/kz/authorities.yml") @NotBlank String directoryLocation,
            @DefaultValue("classpath:directory/kz/units.yml") @NotBlank String unitsLocation,
            @DefaultValue("Asia/Almaty") @NotNull ZoneId timeZone,
            @DefaultValue("1") @Min(1) @Max(8) int connections,
            @DefaultValue("notification-ledger-cases-") @NotBlank String transactionalIdPrefix) {
    }
}
