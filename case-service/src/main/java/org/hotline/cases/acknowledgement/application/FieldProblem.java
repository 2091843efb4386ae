package org.hotline.cases.acknowledgement.application;

/** One field of a request that needs fixing, named as the request names it, and what is wrong with it. */
public record FieldProblem(String field, String problem) {
}
