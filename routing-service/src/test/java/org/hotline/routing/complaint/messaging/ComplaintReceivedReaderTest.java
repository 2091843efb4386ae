package org.hotline.routing.complaint.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintReceivedReaderTest {

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
}
