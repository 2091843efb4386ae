package org.hotline.intake.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.hotline.intake.complaint.domain.FieldViolation;
import org.hotline.intake.complaint.domain.InvalidComplaintException;
import org.hotline.web.json.JsonRequestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComplaintRequestReaderTest {

    private final ComplaintRequestReader reader = new ComplaintRequestReader();

    @ParameterizedTest
    @ValueSource(ints = {600, 1200})
    void locatesJsonNestedBeyondTheParsersLimitInsteadOfAnsweringLineMinusOne(int depth) {
        String body = "{\n\"channel\":\n" + "[".repeat(depth) + "]".repeat(depth) + "}";

        JsonRequestSchema.MalformedJsonException e = catchThrowableOfType(
                JsonRequestSchema.MalformedJsonException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.line()).as(e.getMessage()).isEqualTo(3);
        // The 500th bracket of line 3 is the 501st level; the parser stands at it or just after it.
        assertThat(e.column()).as(e.getMessage()).isBetween(500, 501);
    }

    @Test
    void locatesANumberLongerThanTheParsersLimit() {
        String body = "{\"channel\": \"WEB\",\n\"language\": " + "1".repeat(3000) + "}";

        JsonRequestSchema.MalformedJsonException e = catchThrowableOfType(
                JsonRequestSchema.MalformedJsonException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.line()).as(e.getMessage()).isEqualTo(2);
        assertThat(e.column()).as(e.getMessage()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\n  \"channel\": \"WEB\",\n  \"language\" \"en\"}", "{\n  \"channel\": \"WEB\",\n  \"channel\": \"WEB\"}",
            "{\n  \"channel\": \"WEB\"\n} {}", "{\n  \"channel\": \"WEB\",\n  \"language\": \"e"})
    void locatesMalformedJsonByLineAndColumn(String body) {
        JsonRequestSchema.MalformedJsonException e = catchThrowableOfType(
                JsonRequestSchema.MalformedJsonException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.line()).as(e.getMessage()).isEqualTo(3);
        assertThat(e.column()).as(e.getMessage()).isPositive();
    }

    @Test
    void refusesUnpairedSurrogatesNamingEveryFieldThatHoldsOne() {
        String body = """
                {"channel": "WEB", "language": "en",
                 "incident": {"categories": ["OTHER", "X\\udc00"], "description": "ab\\ud800c"},
                 "location": {"country": "KZ", "settlement": "\\ud800"}}
                """;

        ComplaintRequestReader.BrokenTextException e = catchThrowableOfType(
                ComplaintRequestReader.BrokenTextException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.violations).extracting(FieldViolation::field)
                .containsExactly("incident.categories[1]", "incident.description", "location.settlement");
    }

    @Test
    void reportsBrokenTextInAFieldTheApiDoesNotHaveAsAFieldTheApiDoesNotHave() {
        String body = """
                {"channel": ["\\ud800"], "note": "\\ud800", "incident": {"description": "ok"}}
                """;

        InvalidComplaintException e = catchThrowableOfType(InvalidComplaintException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.violations()).containsExactlyInAnyOrder(
                new FieldViolation("channel", "must be a JSON string"),
                new FieldViolation("note", "is not a field of this API"));
    }

    @Test
    void acceptsSurrogatesThatPairUpAsOneCharacter() {
        String body = """
                {"channel": "WEB", "incident": {"description": "\\ud83d\\ude00 ok"}}
                """;

        assertThat(reader.read(body.getBytes(StandardCharsets.UTF_8)).incident().description())
                .isEqualTo("\uD83D\uDE00 ok");
    }

    @Test
    void repeatsAnUnknownFieldsNameCutAndWithoutControlCharacters() {
        String name = "a\\u0007\\u202e" + "b".repeat(100) + "\\n";
        String body = "{\"channel\": \"WEB\", \"incident\": {\"" + name + "\": 1}}";

        InvalidComplaintException e = catchThrowableOfType(InvalidComplaintException.class,
                () -> reader.read(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.violations()).extracting(FieldViolation::field)
                .containsExactly("incident.a" + "b".repeat(39) + "…");
    }
}
