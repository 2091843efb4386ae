package org.hotline.cases.console.domain;

import java.time.Instant;
import org.hotline.cases.casefile.domain.CaseState;
import org.jspecify.annotations.Nullable;

/** One case in a lane of the queue: enough to choose it, nothing about the complainant. */
public record QueueEntry(String reference, CaseState state, @Nullable Instant receivedAt, int bodies) {
}
