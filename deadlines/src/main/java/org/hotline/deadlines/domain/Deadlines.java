package org.hotline.deadlines.domain;

import java.time.LocalDate;

/** The last days, inclusive, by which a body must acknowledge and answer one complaint. */
public record Deadlines(LocalDate acknowledgeBy, LocalDate answerBy) {
}
