package org.hotline.intake.complaint.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.intake.complaint.domain.ComplaintForm;
import org.hotline.intake.complaint.domain.FieldViolation;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.hotline.web.json.JsonRequestSchema;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON body of {@code POST /api/v1/complaints} into a {@link ComplaintForm}: its shape is checked against
 * the published schema (docs/schemas/complaint-request.v1.schema.json, the same file routing's preview reads),
 * every unknown field and value of the wrong JSON type reported with its path; then it is bound by field name. The
 * values (required fields, allowed codes, lengths, cross-field rules) are {@code ComplaintValidator}'s to check.
 */
final class ComplaintRequestReader {

    static final String SCHEMA = "complaint-request.v1.schema.json";

    private final JsonRequestSchema schema = JsonRequestSchema.load(SCHEMA);

    /** @throws JsonRequestSchema.MalformedJsonException when the body is not JSON at all */
    ComplaintForm read(byte[] body) {
        JsonNode root = schema.parse(body);
        if (root.isMissingNode() || !root.isObject()) {
            throw new InvalidComplaintException(List.of(new FieldViolation("$", "the body must be a JSON object")));
        }
        List<FieldViolation> shape = schema.violations(root).stream()
                .map(violation -> new FieldViolation(violation.path(), violation.problem()))
                .toList();
        List<FieldViolation> brokenText = new ArrayList<>();
        findBrokenText(root, "", brokenText);
        // Text inside a field that is not the API's, or not of its type, is that field's problem, reported as such.
        brokenText.removeIf(broken -> shape.stream().anyMatch(wrong -> within(broken.field(), wrong.field())));
        if (!brokenText.isEmpty()) {
            throw new BrokenTextException(brokenText);
        }
        if (!shape.isEmpty()) {
            throw new InvalidComplaintException(shape);
        }
        return schema.bind(root, ComplaintForm.class);
    }

    /**
     * Text fields holding an unpaired UTF-16 surrogate (a lone escape in U+D800 to U+DFFF): not Unicode text, so it
     * can be neither sealed as UTF-8 without loss nor shown to anyone. Refused rather than repaired, since the
     * complainant would not know what was changed. A schema cannot say this, so it is checked here.
     */
    static final class BrokenTextException extends RuntimeException {

        final List<FieldViolation> violations;

        BrokenTextException(List<FieldViolation> violations) {
            super(violations.size() + " field(s) hold text that is not valid Unicode");
            this.violations = List.copyOf(violations);
        }
    }

    /** Every string value of the tree, in document order, that holds an unpaired surrogate. */
    private static void findBrokenText(JsonNode node, String path, List<FieldViolation> found) {
        if (node.isString()) {
            if (hasUnpairedSurrogate(node.stringValue())) {
                found.add(new FieldViolation(path, "contains an unpaired UTF-16 surrogate (a lone escape in U+D800 "
                        + "to U+DFFF), which is not text"));
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node.values()) {
                findBrokenText(element, path + "[" + index++ + "]", found);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = JsonRequestSchema.shownName(field.getKey());
                findBrokenText(field.getValue(), path.isEmpty() ? name : path + "." + name, found);
            }
        }
    }

    private static boolean within(String path, String field) {
        return path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
