package org.hotline.intake.complaint.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the intake ({@code hotline.intake.*}).
 *
 * @param identitySecret base64 of at least 32 random bytes; keys the derivation of complaint ids, references
 *     and tracking codes. Every instance must share it, and changing it makes retries of earlier requests
 *     look like new complaints. No default outside the dev and test profiles.
 * @param publishTimeout bounds a request's wait twice over: how long it may wait in the queue for a
 *     transaction to take it, and then how long that transaction waits for the broker's acknowledgements
 *     before aborting (the commit after that is bounded by the producer's {@code max.block.ms}). A request
 *     answers 503 when either runs out; keep their sum plus {@code max.block.ms} below the client's own timeout
 * @param retryAfter what a 503 tells the client to wait before retrying
 * @param maxBodyBytes the largest request body accepted; larger bodies get 413
 * @param topics the topics the intake writes and how it creates them
 * @param groupCommit how requests that arrive together share one Kafka transaction
 */
@Validated
@ConfigurationProperties("hotline.intake")
public record IntakeProperties(
        @NotBlank String identitySecret,
        @DefaultValue("5s") @NotNull Duration publishTimeout,
        @DefaultValue("30s") @NotNull Duration retryAfter,
        @DefaultValue("65536") @Min(1024) int maxBodyBytes,
        @DefaultValue @Valid Topics topics,
        @DefaultValue @Valid GroupCommit groupCommit) {

    /**
     * @param complaints the event topic integrators subscribe to
     * @param idempotency the intake's own compacted ledger of idempotency keys
     * @param keys the compacted topic of each complaint's data key, wrapped under the service key; erasing a
     *     complaint writes its key's tombstone there (docs/security.md, "Per-complaint keys")
     * @param keyTombstoneRetention how long the keys topic keeps a tombstone, so that a consumer's key store
     *     that was away for less than this still learns of the erasure; the stores rebuild after a shorter absence
     * @param idempotencyRetention how long an idempotency key is remembered
     * @param partitions partitions of the three topics when the intake creates them
     * @param replicationFactor replicas of the three topics when the intake creates them (3 in production)
     * @param minInSyncReplicas replicas that must have a record before it is acknowledged (2 in production)
     */
    public record Topics(
            @DefaultValue("complaints.received.v1") @NotBlank String complaints,
            @DefaultValue("intake.idempotency.v1") @NotBlank String idempotency,
            @DefaultValue("complaints.keys.v1") @NotBlank String keys,
            @DefaultValue("30d") @NotNull Duration keyTombstoneRetention,
            @DefaultValue("30d") @NotNull Duration idempotencyRetention,
            @DefaultValue("6") @Min(1) int partitions,
            @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replicationFactor,
            @DefaultValue("1") @Min(1) int minInSyncReplicas) {
    }

    /**
     * Group commit: one committer takes every request waiting, publishes them in one transaction and answers
     * them all with its outcome.
     *
     * @param committers how many transactions may be under way at once, each on its own thread and producer.
     *     One gives the largest batches; more let a batch be sent while the previous one commits, at the price of
     *     smaller batches. Measurements on a shared two-core machine did not show more to be better, hence 1
     * @param maxComplaints the most complaints in one transaction (each is one or two records: the event, and
     *     the idempotency record when the request had a key). Larger batches commit more per round trip but a
     *     failed one answers 503 to more clients at once, and a batch must fit the producer's
     *     {@code buffer.memory} (32 MiB by default; 500 complaints of 3 KB take 1.5 MB)
     * @param linger how long the committer waits after the first request of a batch for others to join it.
     *     0 takes only what is already waiting: requests pile up on their own while a transaction commits, so
     *     batches grow with the load without adding latency when the intake is quiet
     */
    public record GroupCommit(
            @DefaultValue("1") @Min(1) @Max(64) int committers,
            @DefaultValue("500") @Min(1) @Max(10_000) int maxComplaints,
            @DefaultValue("0ms") @NotNull Duration linger) {
    }
}
