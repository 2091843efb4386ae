package org.hotline.intake.complaint.domain;

/**
 * One thing wrong with a submitted complaint: the JSON path of the field (such as {@code location.region})
 * and what is wrong with it, worded for the person fixing the request. It never repeats the submitted value,
 * which may be a complainant's contact detail.
 */
public record FieldViolation(String field, String problem) {
}
