package org.hotline.routing.complaint.messaging;

import java.io.IOException;
import java.util.List;
import org.hotline.testsupport.MicroBenchmark;
import org.hotline.testsupport.MicroBenchmark.Case;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reading one {@code ComplaintReceived} costs routing, in CPU time on one thread: the record read as a JSON tree
 * by Jackson alone (the floor, measured in the same run, so that runs on a noisy machine compare as multiples of
 * it), then read by {@link ComplaintReceivedReader} (parse, checks, facts, the parts' raw text), then a record the
 * reader refuses (a required field missing), whose cost a flood of poison records would show.
 *
 * <p>Not a test: run with {@code benchmarks/run-event-reading-benchmark.sh}; settings as {@link MicroBenchmark}.
 */
public final class EventReadingBenchmark {

    private static final String COMPLAINT_ID = "0f6c9a57-3d2e-4b41-9c7d-5e4f3a2b1c0d";
    private static final byte[] RECORD = ComplaintEvents.bytes(ComplaintEvents.kostanaySchool(COMPLAINT_ID));
    private static final byte[] REFUSED = ComplaintEvents.bytes(ComplaintEvents.kostanaySchool(COMPLAINT_ID)
            .replace("\"country\":\"KZ\",", ""));

    private EventReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        JsonMapper jackson = JsonMapper.builder().build();
        ComplaintReceivedReader reader = new ComplaintReceivedReader();
        MicroBenchmark.run(List.of(
                new Case("Jackson readTree alone (the floor)", () -> jackson.readTree(RECORD)),
                new Case("ComplaintReceivedReader.read", () -> reader.read(RECORD)),
                new Case("ComplaintReceivedReader.read, refused (location.country missing)", () -> refusal(reader))),
                "event", "Record of %d bytes".formatted(RECORD.length));
    }

    private static Object refusal(ComplaintReceivedReader reader) {
        try {
            return reader.read(REFUSED);
        } catch (UndecidableEventException e) {
            return e.reason();
        }
    }
}
