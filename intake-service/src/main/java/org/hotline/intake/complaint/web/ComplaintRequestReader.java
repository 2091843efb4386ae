package org.hotline.intake.complaint.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.intake.complaint.domain.ComplaintForm;
import org.hotline.intake.complaint.domain.FieldViolation;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads the JSON body of {@code POST /api/v1/complaints} into a {@link ComplaintForm}, checking its shape:
 * unknown fields, values of the wrong JSON type and duplicate keys are all reported, each with its path,
 * instead of stopping at the first one as a data-binding mapper would.
 */
final class ComplaintRequestReader {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("channel", "language", "incident", "location", "workplace", "accused", "victim", "risk",
                    "complainant"),
            "incident", Set.of("categories", "description", "occurredOn", "ongoing"),
            "location", Set.of("country", "region", "districtCode", "settlement"),
            "workplace", Set.of("sector", "type", "organizationName"),
            "accused", Set.of("role", "publicOfficial"),
            "victim", Set.of("minor"),
            "risk", Set.of("immediateDanger"),
            "complainant", Set.of("mode", "name", "email", "phone", "preferredLanguage", "consentToContact"));

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** @throws MalformedJsonException when the body is not JSON at all */
    ComplaintForm read(byte[] body) {
        JsonNode root = parse(body);
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidComplaintException(List.of(new FieldViolation("$", "the body must be a JSON object")));
        }
        Shape shape = new Shape();
        ComplaintForm form = new ComplaintForm(
                shape.string(root, "channel"),
                shape.string(root, "language"),
                shape.object(root, "incident", incident -> new ComplaintForm.Incident(
                        shape.strings(incident, "incident.categories"),
                        shape.string(incident, "incident.description"),
                        shape.string(incident, "incident.occurredOn"),
                        shape.bool(incident, "incident.ongoing"))),
                shape.object(root, "location", location -> new ComplaintForm.Location(
                        shape.string(location, "location.country"),
                        shape.string(location, "location.region"),
                        shape.string(location, "location.districtCode"),
                        shape.string(location, "location.settlement"))),
                shape.object(root, "workplace", workplace -> new ComplaintForm.Workplace(
                        shape.string(workplace, "workplace.sector"),
                        shape.string(workplace, "workplace.type"),
                        shape.string(workplace, "workplace.organizationName"))),
                shape.object(root, "accused", accused -> new ComplaintForm.Accused(
                        shape.string(accused, "accused.role"),
                        shape.bool(accused, "accused.publicOfficial"))),
                shape.object(root, "victim", victim -> new ComplaintForm.Victim(shape.bool(victim, "victim.minor"))),
                shape.object(root, "risk", risk -> new ComplaintForm.Risk(shape.bool(risk, "risk.immediateDanger"))),
                shape.object(root, "complainant", complainant -> new ComplaintForm.Complainant(
                        shape.string(complainant, "complainant.mode"),
                        shape.string(complainant, "complainant.name"),
                        shape.string(complainant, "complainant.email"),
                        shape.string(complainant, "complainant.phone"),
                        shape.string(complainant, "complainant.preferredLanguage"),
                        shape.bool(complainant, "complainant.consentToContact"))));
        shape.unknownFields(root, "");
        if (!shape.brokenText.isEmpty()) {
            throw new BrokenTextException(shape.brokenText);
        }
        if (!shape.violations.isEmpty()) {
            throw new InvalidComplaintException(shape.violations);
        }
        return form;
    }

    /**
     * Parses the body with a parser of our own, so that an error without a location of its own (a
     * {@code StreamReadConstraints} limit: nesting depth, number or name length) is located where the parser
     * stopped instead of at line -1, column -1.
     */
    private JsonNode parse(byte[] body) {
        try (JsonParser parser = mapper.createParser(body)) {
            try {
                JsonNode root = mapper.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw malformed("Trailing content after the JSON object", parser.currentLocation());
                }
                return root == null ? MissingNode.getInstance() : root;
            } catch (MalformedJsonException e) {
                throw e;
            } catch (JacksonException e) {
                TokenStreamLocation location = e.getLocation();
                if (location == null || location.getLineNr() < 1) {
                    location = parser.currentLocation();
                }
                throw malformed(e.getOriginalMessage(), location);
            }
        }
    }

    private static MalformedJsonException malformed(String message, TokenStreamLocation location) {
        return new MalformedJsonException(message, location.getLineNr(), location.getColumnNr());
    }

    /** The body is not parseable JSON; line and column point at the first problem. */
    static final class MalformedJsonException extends RuntimeException {

        final int line;
        final int column;

        MalformedJsonException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /**
     * Text fields holding an unpaired UTF-16 surrogate (a lone escape in U+D800 to U+DFFF): not Unicode text, so it
     * can be neither sealed as UTF-8 without loss nor shown to anyone. Refused rather than repaired, since the
     * complainant would not know what was changed.
     */
    static final class BrokenTextException extends RuntimeException {

        final List<FieldViolation> violations;

        BrokenTextException(List<FieldViolation> violations) {
            super(violations.size() + " field(s) hold text that is not valid Unicode");
            this.violations = List.copyOf(violations);
        }
    }

    /** The longest unknown field name a problem repeats, in code points; longer ones are cut and end with …. */
    static final int SHOWN_NAME_LENGTH = 40;

    /**
     * A client's field name as a problem may repeat it: without control, format (bidirectional overrides) or
     * line-separating characters and lone surrogates, and cut at {@link #SHOWN_NAME_LENGTH} code points.
     */
    static String shownName(String name) {
        StringBuilder shown = new StringBuilder();
        int kept = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                continue;
            }
            if (kept == SHOWN_NAME_LENGTH) {
                return shown.append('…').toString();
            }
            shown.appendCodePoint(c);
            kept++;
        }
        return shown.toString();
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

    private interface ObjectReader<T> {
        T read(JsonNode node);
    }

    /** Walks the tree, collecting every shape violation with its path. */
    private static final class Shape {

        final List<FieldViolation> violations = new ArrayList<>();
        final List<FieldViolation> brokenText = new ArrayList<>();

        <T> @Nullable T object(JsonNode parent, String name, ObjectReader<T> reader) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                violations.add(new FieldViolation(name, "must be a JSON object"));
                return null;
            }
            unknownFields(node, name);
            return reader.read(node);
        }

        @Nullable String string(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                violations.add(new FieldViolation(path, "must be a JSON string"));
                return null;
            }
            return text(path, node.stringValue());
        }

        private String text(String path, String value) {
            if (hasUnpairedSurrogate(value)) {
                brokenText.add(new FieldViolation(path, "contains an unpaired UTF-16 surrogate (a lone escape in U+D800 to "
                        + "U+DFFF), which is not text"));
            }
            return value;
        }

        @Nullable Boolean bool(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                violations.add(new FieldViolation(path, "must be true or false"));
                return null;
            }
            return node.booleanValue();
        }

        @Nullable List<@Nullable String> strings(JsonNode parent, String path) {
            JsonNode node = parent.get(leaf(path));
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                violations.add(new FieldViolation(path, "must be a JSON array of strings"));
                return null;
            }
            List<@Nullable String> values = new ArrayList<>();
            int index = 0;
            for (JsonNode element : node.values()) {
                if (element.isString()) {
                    values.add(text(path + "[" + index + "]", element.stringValue()));
                } else {
                    violations.add(new FieldViolation(path + "[" + index + "]", "must be a JSON string"));
                }
                index++;
            }
            return values;
        }

        void unknownFields(JsonNode node, String path) {
            Set<String> known = FIELDS.getOrDefault(path, Set.of());
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    String shown = shownName(name);
                    violations.add(new FieldViolation(path.isEmpty() ? shown : path + "." + shown,
                            "is not a field of this API"));
                }
            }
        }

        private static String leaf(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }
}
