package org.hotline.web.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.hotline.web.json.JsonEventSchema.Kind;
import org.hotline.web.json.JsonEventSchema.NotJsonException;
import org.hotline.web.json.JsonEventSchema.UnboundEventException;
import org.hotline.web.json.JsonEventSchema.Violation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JsonEventSchemaTest {

    private static final String RECEIVED = "complaint-received.v1.schema.json";

    private final JsonEventSchema schema = JsonEventSchema.load(RECEIVED);

    @Test
    void findsNothingWrongWithTheSchemasOwnExampleAndBindsItByFieldName() {
        // given
        JsonNode event = example();

        // when
        List<Violation> violations = schema.violations(event);
        Received received = schema.bind(event, Received.class);

        // then
        assertThat(violations).isEmpty();
        assertThat(received).isEqualTo(new Received("0f6c9a57-3d2e-8b41-9c7d-5e4f3a2b1c0d", Channel.HOTLINE,
                new Accused(Role.HEAD_OF_ORGANIZATION, true)));
    }

    @Test
    void reportsEveryViolationAtOnceWithItsPathInWordsAndNeverTheValue() {
        // given
        ObjectNode event = example();
        event.remove("reference");
        event.put("complaintId", "not-a-uuid secret text");
        event.put("channel", "CARRIER_PIGEON");
        event.withObject("accused").put("publicOfficial", "yes");
        event.withObject("location").putNull("country");
        event.withObject("incident").putArray("categories");

        // when
        List<Violation> violations = schema.violations(event);

        // then
        assertThat(violations).containsExactlyInAnyOrder(
                new Violation(Kind.MISSING, "reference", "present"),
                new Violation(Kind.INVALID, "complaintId", "a UUID"),
                new Violation(Kind.INVALID, "channel", "one of WEB, HOTLINE, PARTNER_API"),
                new Violation(Kind.INVALID, "accused.publicOfficial", "true or false"),
                new Violation(Kind.MISSING, "location.country", "present"),
                new Violation(Kind.INVALID, "incident.categories", "a non-empty list"));
        assertThat(violations).extracting(Violation::describe)
                .contains("required field reference is missing", "field complaintId must be a UUID")
                .noneMatch(text -> text.contains("secret") || text.contains("PIGEON"));
    }

    @Test
    void reportsToATolerantReaderOnlyWhatConcernsTheFieldsItReads() {
        // given: departures in read fields, in an object holding one, and in fields the reader never looks at
        ObjectNode event = example();
        event.put("complaintId", "not-a-uuid");
        event.remove("reference");
        event.put("channel", "CARRIER_PIGEON");
        event.withObject("location").remove("country");
        event.put("victim", "none");
        event.withObject("incident").putArray("categories").add("SEXUAL_HARASSMENT").add(7);

        // when
        List<Violation> violations = schema.violations(event,
                Set.of("complaintId", "reference", "victim.minor", "incident.categories[]"));

        // then
        assertThat(violations).containsExactlyInAnyOrder(
                new Violation(Kind.MISSING, "reference", "present"),
                new Violation(Kind.INVALID, "complaintId", "a UUID"),
                new Violation(Kind.INVALID, "victim", "a JSON object"),
                new Violation(Kind.INVALID, "incident.categories[1]",
                        "one of SEXUAL_HARASSMENT, SEXUAL_COERCION, SEXUAL_VIOLENCE, EXTORTION, RETALIATION, "
                                + "DISCRIMINATION, OTHER"));
    }

    @Test
    void refusesWhatANotOrAOneOfRulesOutThoughNoBranchReportsAViolationOfItsOwn() {
        // given: an anonymous complainant must carry no contact, and a contact is an email or a phone, not both
        JsonEventSchema rules = JsonEventSchema.of("""
                {"type": "object", "properties": {
                  "complainant": {"type": "object",
                    "if": {"properties": {"mode": {"const": "ANONYMOUS"}}},
                    "then": {"not": {"required": ["contact"]}}},
                  "contact": {"oneOf": [{"required": ["email"]}, {"required": ["phone"]}]}}}
                """);
        ObjectNode anonymousWithContact = (ObjectNode) JsonMapper.shared().readTree(
                "{\"complainant\": {\"mode\": \"ANONYMOUS\", \"contact\": \"x\"}}");
        ObjectNode bothContacts = (ObjectNode) JsonMapper.shared().readTree(
                "{\"contact\": {\"email\": \"a@b.kz\", \"phone\": \"+7\"}}");
        ObjectNode fine = (ObjectNode) JsonMapper.shared().readTree(
                "{\"complainant\": {\"mode\": \"OPEN\", \"contact\": \"x\"}, \"contact\": {\"phone\": \"+7\"}}");

        // when / then
        assertThat(rules.violations(anonymousWithContact)).containsExactly(
                new Violation(Kind.INVALID, "complainant", "as docs/schemas describes it"));
        assertThat(rules.violations(bothContacts)).containsExactly(
                new Violation(Kind.INVALID, "contact", "as docs/schemas describes it"));
        assertThat(rules.violations(fine)).isEmpty();
    }

    @Test
    void takesANullOptionalFieldForAbsent() {
        // given
        ObjectNode event = example();
        event.withObject("location").putNull("districtCode");

        // when
        List<Violation> violations = schema.violations(event);

        // then
        assertThat(violations).isEmpty();
        assertThat(event.get("location").has("districtCode")).isFalse();
    }

    @Test
    void placesARecordThatIsNotJsonWithoutQuotingIt() {
        // given
        byte[] value = "{\"eventId\": \"secret\" secret}".getBytes(StandardCharsets.UTF_8);

        // when
        NotJsonException refused = catchThrowableOfType(NotJsonException.class, () -> schema.parse(value));

        // then
        assertThat(refused).hasMessage("the record is not JSON (stopped at line 1, column 22)");
        assertThat(refused.place()).isEqualTo("line 1, column 22");
    }

    @Test
    void refusesADuplicateKeyAndContentAfterTheDocument() {
        // given
        byte[] duplicate = "{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8);
        byte[] trailing = "{\"a\": 1} {}".getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThat(catchThrowableOfType(NotJsonException.class, () -> schema.parse(duplicate))).isNotNull();
        assertThat(catchThrowableOfType(NotJsonException.class, () -> schema.parse(trailing))).isNotNull();
    }

    @Test
    void namesTheFieldWhoseAllowedValueTheReaderDoesNotKnow() {
        // given: a value the schema allows but this reader's enum lacks
        ObjectNode event = example();
        event.withObject("accused").put("role", "CLIENT");

        // when
        UnboundEventException refused = catchThrowableOfType(UnboundEventException.class,
                () -> schema.bind(event, Received.class));

        // then
        assertThat(schema.violations(event)).isEmpty();
        assertThat(refused.path()).isEqualTo("accused.role");
    }

    private static ObjectNode example() {
        try (InputStream in = JsonEventSchema.class.getClassLoader()
                .getResourceAsStream("org/hotline/web/json/schemas/" + RECEIVED)) {
            return (ObjectNode) JsonMapper.shared().readTree(in).get("examples").get(0).deepCopy();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    enum Channel { WEB, HOTLINE, PARTNER_API }

    enum Role { HEAD_OF_ORGANIZATION, SUPERVISOR, COLLEAGUE }

    record Accused(Role role, boolean publicOfficial) {
    }

    record Received(String complaintId, Channel channel, Accused accused) {
    }
}
