package org.hotline.cases.escalation.domain;

/** A body on a ladder: its directory id and type (the type picks its statutory clock and its metrics label). */
public record Rung(String authorityId, String authorityType) {
}
