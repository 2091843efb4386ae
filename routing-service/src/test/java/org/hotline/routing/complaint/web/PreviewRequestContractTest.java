package org.hotline.routing.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.routing.rules.domain.AccusedRole;
import org.hotline.routing.rules.domain.Category;
import org.hotline.routing.rules.domain.ComplainantMode;
import org.hotline.routing.rules.domain.ComplaintFacts;
import org.hotline.routing.rules.domain.Sector;
import org.hotline.routing.rules.domain.WorkplaceType;
import org.hotline.testsupport.SchemaContracts;
import org.hotline.web.json.JsonRequestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The preview reads the intake's request by the same published schema, and allows the values that schema lists:
 * the two services cannot drift apart on what a complaint looks like.
 */
class PreviewRequestContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonRequestSchema CONTRACT = JsonRequestSchema.load(PreviewRequestReader.SCHEMA);
    private static final JsonNode SCHEMA = CONTRACT.document();

    private final PreviewRequestReader reader = new PreviewRequestReader(
            Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void allowsTheValuesTheSchemaLists() {
        assertThat(CONTRACT.allowedValues("/properties/incident/properties/categories/items"))
                .containsExactlyElementsOf(names(Category.values()));
        assertThat(CONTRACT.allowedValues("/properties/workplace/properties/sector"))
                .containsExactlyElementsOf(names(Sector.values()));
        assertThat(CONTRACT.allowedValues("/properties/workplace/properties/type"))
                .containsExactlyElementsOf(names(WorkplaceType.values()));
        assertThat(CONTRACT.allowedValues("/properties/accused/properties/role"))
                .containsExactlyElementsOf(names(AccusedRole.values()));
        assertThat(CONTRACT.allowedValues("/properties/complainant/properties/mode"))
                .containsExactlyElementsOf(names(ComplainantMode.values()));
    }

    @Test
    void readsTheSchemasExampleIntoTheFactsRoutingDecidesOn() {
        ComplaintFacts facts = reader.read(bytes(SCHEMA.get("examples").get(0)));

        assertThat(facts.categories()).containsExactlyInAnyOrder(Category.SEXUAL_HARASSMENT, Category.EXTORTION);
        assertThat(facts.accusedRole()).isEqualTo(AccusedRole.HEAD_OF_ORGANIZATION);
        assertThat(facts.region()).isEqualTo("KZ-39");
    }

    @Test
    void reportsTheShapeAsTheIntakeDoesBesideItsOwnRules() {
        ObjectNode body = (ObjectNode) SCHEMA.get("examples").get(0).deepCopy();
        ((ObjectNode) body.get("complainant")).put("passportNumber", "N1234567");
        ((ObjectNode) body.get("victim")).put("minor", "no");
        body.put("channel", "FAX");

        InvalidPreviewException e = catchThrowableOfType(InvalidPreviewException.class, () -> reader.read(bytes(body)));

        assertThat(e.violations()).containsExactlyInAnyOrder(
                new FieldViolation("victim.minor", "must be true or false"),
                new FieldViolation("complainant.passportNumber", "is not a field of this API"),
                new FieldViolation("channel", "must be one of WEB, HOTLINE, PARTNER_API"));
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void refusesAComplaintWithoutAFieldTheSchemaRequires(String path) {
        ObjectNode example = SchemaContracts.exampleWithout(SCHEMA, path);

        InvalidPreviewException e = catchThrowableOfType(InvalidPreviewException.class,
                () -> reader.read(bytes(example)));

        assertThat(e).as(path).isNotNull();
        assertThat(e.violations()).extracting(FieldViolation::field).contains(path);
    }

    @Test
    void previewsAComplaintWithoutTheDescriptionItDoesNotDecideOn() {
        ObjectNode example = (ObjectNode) SCHEMA.get("examples").get(0).deepCopy();
        ((ObjectNode) example.get("incident")).remove("description");

        assertThat(reader.read(bytes(example)).categories()).isNotEmpty();
    }

    /** The schema's required fields, but the description: the one field a preview may leave out (docs/routing.md). */
    static Stream<String> requiredFields() {
        return SchemaContracts.requiredFields(SCHEMA).stream().filter(path -> !path.equals("incident.description"));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static byte[] bytes(JsonNode body) {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
