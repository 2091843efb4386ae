package org.hotline.cases.casefile.domain;

import java.time.Instant;

/** One rung of the escalation ladder: a silent body's superior told. Recorded by the next slice of issue 13. */
public record Escalation(String fromAuthorityId, String toAuthorityId, Instant at, String reason) {
}
