package org.hotline.intake.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.intake.complaint.domain.AccusedRole;
import org.hotline.intake.complaint.domain.Category;
import org.hotline.intake.complaint.domain.Channel;
import org.hotline.intake.complaint.domain.ComplainantMode;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import org.hotline.intake.complaint.domain.FieldViolation;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.hotline.intake.complaint.domain.Language;
import org.hotline.intake.complaint.domain.Sector;
import org.hotline.intake.complaint.domain.WorkplaceType;
import org.hotline.testsupport.SchemaContracts;
import org.hotline.web.json.JsonRequestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published request schema and the intake's own rules say the same thing: the values the schema allows are the
 * values the validator accepts, the fields it requires are the ones the validator refuses to go without, and its
 * example is a complaint the intake takes.
 */
class ComplaintRequestContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonRequestSchema CONTRACT = JsonRequestSchema.load(ComplaintRequestReader.SCHEMA);
    private static final JsonNode SCHEMA = CONTRACT.document();

    private final ComplaintRequestReader reader = new ComplaintRequestReader();
    private final ComplaintValidator validator = new ComplaintValidator(
            Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void allowsTheValuesTheIntakeKnows() {
        assertThat(CONTRACT.allowedValues("/properties/channel")).containsExactlyElementsOf(names(Channel.values()));
        assertThat(CONTRACT.allowedValues("/properties/language")).containsExactlyElementsOf(codes());
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
        assertThat(CONTRACT.allowedValues("/properties/complainant/properties/preferredLanguage"))
                .containsExactlyElementsOf(codes());
    }

    @Test
    void takesTheSchemasExampleAsAComplaint() {
        for (JsonNode example : SCHEMA.get("examples").values()) {
            assertThat(validator.validate(reader.read(bytes(example))).channel()).isEqualTo(Channel.WEB);
        }
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void refusesAComplaintWithoutAFieldTheSchemaRequires(String path) {
        ObjectNode example = SchemaContracts.exampleWithout(SCHEMA, path);

        InvalidComplaintException e = catchThrowableOfType(InvalidComplaintException.class,
                () -> validator.validate(reader.read(bytes(example))));

        assertThat(e).as(path).isNotNull();
        assertThat(e.violations()).extracting(FieldViolation::field).contains(path);
    }

    @Test
    void refusesAFieldTheSchemaDoesNotList() {
        ObjectNode example = (ObjectNode) SCHEMA.get("examples").get(0).deepCopy();
        ((ObjectNode) example.get("complainant")).put("passportNumber", "N1234567");

        InvalidComplaintException e = catchThrowableOfType(InvalidComplaintException.class,
                () -> reader.read(bytes(example)));

        assertThat(e.violations()).containsExactly(
                new FieldViolation("complainant.passportNumber", "is not a field of this API"));
    }

    static Stream<String> requiredFields() {
        return SchemaContracts.requiredFields(SCHEMA).stream();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> codes() {
        return Arrays.stream(Language.values()).map(Language::code).toList();
    }

    private static byte[] bytes(JsonNode body) {
        return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }
}
