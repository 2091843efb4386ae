package org.hotline.routing.complaint.web;

/** One thing wrong with a preview request: the field's path and the problem, never the submitted value. */
record FieldViolation(String field, String problem) {
}
