package org.hotline.datafiles;

/**
 * What a violation of the schema is about, for a reader that reports only some: the JSON Pointer of the value (of
 * the missing or unknown field, for {@code required} and {@code additionalProperties}) and the schema keyword.
 */
public record Violation(String pointer, String keyword) {
}
