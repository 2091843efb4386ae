package org.hotline.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.hotline.web.json.JsonRequestSchema.MalformedJsonException;
import org.hotline.web.json.JsonRequestSchema.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonRequestSchemaTest {

    private final JsonRequestSchema schema = JsonRequestSchema.load("complaint-request.v1.schema.json");

    @Test
    void findsNothingWrongWithTheSchemasOwnExample() {
        assertThat(schema.document().get("examples").values()).isNotEmpty()
                .allSatisfy(example -> assertThat(schema.violations(example)).isEmpty());
    }

    @Test
    void reportsEveryUnknownFieldAndWrongTypeAtOnceWithItsPath() {
        JsonNode body = parse("""
                {"channel": 5, "priority": "high",
                 "incident": {"categories": ["OTHER", 7], "ongoing": "yes", "extra": 1},
                 "location": [], "victim": {"minor": "no"}}
                """);

        assertThat(schema.violations(body)).containsExactlyInAnyOrder(
                new Violation("priority", "is not a field of this API"),
                new Violation("channel", "must be a JSON string"),
                new Violation("incident.extra", "is not a field of this API"),
                new Violation("incident.categories[1]", "must be a JSON string"),
                new Violation("incident.ongoing", "must be true or false"),
                new Violation("location", "must be a JSON object"),
                new Violation("victim.minor", "must be true or false"));
    }

    @Test
    void leavesRequiredFieldsAndAllowedValuesToTheServicesOwnRules() {
        JsonNode body = parse("""
                {"channel": "FAX", "incident": {"categories": []}}
                """);

        assertThat(schema.violations(body)).isEmpty();
    }

    @Test
    void takesNullForAnAbsentFieldButNotForAnElementOfAList() {
        JsonNode body = parse("""
                {"channel": null, "workplace": null, "incident": {"categories": [null], "description": null}}
                """);

        assertThat(schema.violations(body)).containsExactly(
                new Violation("incident.categories[0]", "must be a JSON string"));
    }

    @Test
    void saysTheBodyMustBeAnObjectWhenItIsNot() {
        assertThat(schema.violations(parse("[1, 2]")))
                .containsExactly(new Violation("$", "the body must be a JSON object"));
    }

    @Test
    void bindsAWellShapedBodyByFieldName() {
        record Location(String country, String region) {
        }

        assertThat(schema.bind(parse("{\"country\": \"KZ\", \"region\": \"KZ-39\"}"), Location.class))
                .isEqualTo(new Location("KZ", "KZ-39"));
    }

    @Test
    void locatesDuplicateKeysAndTrailingContentByLineAndColumn() {
        MalformedJsonException duplicate = catchThrowableOfType(MalformedJsonException.class,
                () -> parse("{\n  \"channel\": \"WEB\",\n  \"channel\": \"WEB\"}"));
        MalformedJsonException trailing = catchThrowableOfType(MalformedJsonException.class,
                () -> parse("{\n  \"channel\": \"WEB\"\n} {}"));

        assertThat(duplicate.line()).isEqualTo(3);
        assertThat(trailing.line()).isEqualTo(3);
        assertThat(trailing.column()).isPositive();
    }

    @Test
    void repeatsAnUnknownFieldsNameCutAndWithoutControlCharacters() {
        JsonNode body = parse("{\"incident\": {\"a\\u0007\\u202e" + "b".repeat(100) + "\\n\": 1}}");

        assertThat(schema.violations(body)).extracting(Violation::path)
                .containsExactly("incident.a" + "b".repeat(39) + "…");
        assertThat(JsonRequestSchema.shownName("priority")).isEqualTo("priority");
        assertThat(JsonRequestSchema.shownName("x".repeat(40))).isEqualTo("x".repeat(40));
        assertThat(JsonRequestSchema.shownName("\uD83D\uDE00".repeat(41))).isEqualTo("\uD83D\uDE00".repeat(40) + "…");
    }

    private JsonNode parse(String json) {
        return schema.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
