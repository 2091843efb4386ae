package org.hotline.cases.sealing.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this service follows the complaints' data keys ({@code hotline.sealing.complaint-keys.*}).
 *
 * @param topic the compacted keys topic the intake writes
 * @param directory the local store of the keys, one per instance on a machine; by default
 *     {@code ${java.io.tmpdir}/hotline-complaint-keys/<service>}. A restart resumes it where it stopped (it reads
 *     the erasures it missed); an empty one is filled from the topic
 * @param catchUpTimeout how long opening a value may wait for the store to read the topic up to date, when the
 *     key is not there yet; past it the record is tried again later, never taken as erased. Half Kafka Streams'
 *     transaction timeout (10 s), which the case service's lookups run inside
 * @param rebuildAfter a store not up to date for longer than this (at start, or while running with the broker
 *     out of reach) is emptied and read again from the beginning, answering no lookup until it has: it may have
 *     missed an erasure whose tombstone compaction has since removed. Must be shorter than the topic's
 *     {@code delete.retention.ms} (30 days)
 */
@Validated
@ConfigurationProperties("hotline.sealing.complaint-keys")
public record ComplaintKeysProperties(
        @DefaultValue("complaints.keys.v1") @NotBlank String topic,
        @Nullable String directory,
        @DefaultValue("5s") @NotNull Duration catchUpTimeout,
        @DefaultValue("7d") @NotNull Duration rebuildAfter) {
}
