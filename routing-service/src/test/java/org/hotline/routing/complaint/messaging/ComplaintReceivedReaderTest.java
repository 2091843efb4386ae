package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.hotline.routing.rules.domain.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintReceivedReaderTest {

    private static final String COMPLAINT_ID = "0f6c9a57-3d2e-4b41-9c7d-5e4f3a2b1c0d";

    private final ComplaintReceivedReader reader = new ComplaintReceivedReader();

    static Stream<String> notJson() {
        return Stream.of(
                "{\n\"schemaVersion\": 1,\n\"incident\": " + "[".repeat(1000) + "]".repeat(1000) + "}",
                "{\n\"schemaVersion\": 1,\n\"eventId\": " + "1".repeat(3000) + "}",
                "{\n\"schemaVersion\": 1,\n\"eventId\" \"x\"}",
                "{\n\"schemaVersion\": 1\n} {}");
    }

    @ParameterizedTest
    @MethodSource("notJson")
    void placesARecordThatIsNotJsonAtARealLineAndColumn(String value) {
        UndecidableEventException e = catchThrowableOfType(UndecidableEventException.class,
                () -> reader.read(value.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.reason()).isEqualTo("not_json");
        assertThat(e.getMessage()).matches("the record is not JSON \\(stopped at line 3, column [1-9][0-9]*\\)");
    }

    @Test
    void readsTheFactsRoutingDecidesOnAndTheRawTextOfEachPart() {
        // given
        String received = ComplaintEvents.kostanaySchool(COMPLAINT_ID);

        // when
        ReceivedComplaint complaint = reader.read(ComplaintEvents.bytes(received));

        // then
        assertThat(complaint.complaintId()).isEqualTo(COMPLAINT_ID);
        assertThat(complaint.channel()).isEqualTo("HOTLINE");
        assertThat(complaint.facts().categories()).containsExactlyInAnyOrder(Category.SEXUAL_HARASSMENT,
                Category.EXTORTION);
        assertThat(complaint.facts().region()).isEqualTo("KZ-39");
        assertThat(complaint.facts().districtCode()).isEqualTo("392410000");
        assertThat(complaint.facts().day()).hasToString("2026-11-24");
        assertThat(complaint.rawParts().keySet()).containsExactlyElementsOf(ComplaintReceivedReader.PARTS);
        assertThat(received).contains("\"location\":" + complaint.rawParts().get("location") + ",");
    }

    @Test
    void listsEveryDepartureFromThePublishedSchemaInOneReasonWithoutQuotingAnyValue() {
        // given: a missing country, a channel the schema does not list, an eventId that is no UUID
        String received = ComplaintEvents.almatyAnalyst(COMPLAINT_ID)
                .replace("\"country\":\"KZ\",", "")
                .replace("\"channel\":\"WEB\"", "\"channel\":\"Aigul +7 701 555 0199\"")
                .replaceFirst("\"eventId\":\"[^\"]*\"", "\"eventId\":\"Aigul\"");

        // when
        UndecidableEventException e = catchThrowableOfType(UndecidableEventException.class,
                () -> reader.read(ComplaintEvents.bytes(received)));

        // then
        assertThat(e.getMessage()).contains("required field location.country is missing",
                "field channel must be one of WEB, HOTLINE, PARTNER_API",
                "field eventId must be a UUID")
                .doesNotContain("Aigul");
    }

    @Test
    void routesAComplaintWhoseReferenceIsOutsideTheDocumentedLettersAsItIs() {
        // given: a reference only people quote, spelt with letters the documented format leaves out
        String received = ComplaintEvents.almatyAnalyst(COMPLAINT_ID)
                .replace("HL-AAAA-BBBB-CCCC", "HL-P0IS-0N00-0003");

        // when
        ReceivedComplaint complaint = reader.read(ComplaintEvents.bytes(received));

        // then
        assertThat(complaint.reference()).isEqualTo("HL-P0IS-0N00-0003");
    }

    @Test
    void refusesASealedValueOfAnotherShapeThoughItNeverOpensOne() {
        // given
        String received = ComplaintEvents.almatyAnalyst(COMPLAINT_ID).replace("\"algorithm\":\"A256GCM\"",
                "\"algorithm\":\"ROT13\"");

        // when
        UndecidableEventException e = catchThrowableOfType(UndecidableEventException.class,
                () -> reader.read(ComplaintEvents.bytes(received)));

        // then
        assertThat(e.reason()).isEqualTo("invalid_field");
        assertThat(e.getMessage()).contains("field incident.description.algorithm must be \"A256GCM\"");
    }

    @Test
    void takesAnEmptyOrAbsentListOfCategoriesForMissingButNotACategoryNamedTwice() {
        // given
        String received = ComplaintEvents.almatyAnalyst(COMPLAINT_ID);
        String empty = received.replace("[\"SEXUAL_HARASSMENT\",\"RETALIATION\"]", "[]");
        String text = received.replace("[\"SEXUAL_HARASSMENT\",\"RETALIATION\"]", "\"SEXUAL_HARASSMENT\"");
        String twice = received.replace("\"RETALIATION\"]", "\"SEXUAL_HARASSMENT\"]");

        // when
        UndecidableEventException refusedEmpty = refusal(empty);
        UndecidableEventException refusedText = refusal(text);
        UndecidableEventException refusedTwice = refusal(twice);

        // then
        assertThat(refusedEmpty.reason()).isEqualTo("missing_field");
        assertThat(refusedEmpty).hasMessage("required field incident.categories is missing");
        assertThat(refusedText).hasMessage("required field incident.categories is missing");
        assertThat(refusedTwice.reason()).isEqualTo("invalid_field");
        assertThat(refusedTwice.getMessage()).startsWith("field incident.categories must be");
    }

    @Test
    void takesANullOptionalFieldForAbsent() {
        // given
        String received = ComplaintEvents.almatyAnalyst(COMPLAINT_ID)
                .replace("\"role\":\"SUPERVISOR\"", "\"role\":null");

        // when
        ReceivedComplaint complaint = reader.read(ComplaintEvents.bytes(received));

        // then
        assertThat(complaint.facts().accusedRole()).isNull();
    }

    private UndecidableEventException refusal(String received) {
        return catchThrowableOfType(UndecidableEventException.class,
                () -> reader.read(ComplaintEvents.bytes(received)));
    }
}
