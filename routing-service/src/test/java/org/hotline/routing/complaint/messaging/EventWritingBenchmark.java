package org.hotline.routing.complaint.messaging;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hotline.deadlines.yaml.DeadlineFiles;
import org.hotline.routing.rules.domain.Decision;
import org.hotline.routing.rules.yaml.SampleDirectory;
import org.hotline.testsupport.MicroBenchmark;
import org.hotline.testsupport.MicroBenchmark.Case;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What writing one {@code ComplaintRouted} costs routing, in CPU time on one thread: the same event written from a
 * JSON tree by Jackson alone (the floor, measured in the same run), then the complaint decided over the sample
 * directory alone, then decided and written by {@link ComplaintRoutedWriter}, as routing does for each record: the
 * Kostanay school case (six bodies, their reasons in three languages) and the Almaty analyst case. Each call decides
 * afresh, so its reasons are new strings, as they are in the service. Writing includes each body's deadlines.
 *
 * <p>Not a test: run with {@code benchmarks/run-event-writing-benchmark.sh}; settings as {@link MicroBenchmark}.
 */
public final class EventWritingBenchmark {

    private static final String COMPLAINT_ID = "0f6c9a57-3d2e-4b41-9c7d-5e4f3a2b1c0d";
    private static final String EVENT_ID = "5b0e7c1a-0d7e-4a53-8f0c-2f6f1b9d3e11";
    private static final Instant NOW = Instant.parse("2026-11-24T07:00:00Z");

    private EventWritingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        ComplaintReceivedReader reader = new ComplaintReceivedReader();
        var engine = SampleDirectory.engine();
        ComplaintRoutedWriter writer = new ComplaintRoutedWriter(DeadlineFiles.bundledClocks(ZoneId.of("Asia/Almaty")));
        ReceivedComplaint kostanay = reader.read(ComplaintEvents.bytes(ComplaintEvents.kostanaySchool(COMPLAINT_ID)));
        Decision kostanayDecision = engine.decide(kostanay.facts());
        ReceivedComplaint almaty = reader.read(ComplaintEvents.bytes(ComplaintEvents.almatyAnalyst(COMPLAINT_ID)));
        Decision almatyDecision = engine.decide(almaty.facts());
        JsonMapper jackson = JsonMapper.builder().build();
        byte[] written = writer.write(kostanay, kostanayDecision, EVENT_ID, NOW);
        JsonNode tree = jackson.readTree(written);
        MicroBenchmark.run(List.of(
                new Case("Jackson writing the Kostanay event from its tree (the floor)",
                        () -> jackson.writeValueAsBytes(tree)),
                new Case("Kostanay (%d bodies): decided".formatted(kostanayDecision.assignments().size()),
                        () -> engine.decide(kostanay.facts())),
                new Case("Kostanay: decided and written",
                        () -> writer.write(kostanay, engine.decide(kostanay.facts()), EVENT_ID, NOW)),
                new Case("Almaty (%d bodies): decided".formatted(almatyDecision.assignments().size()),
                        () -> engine.decide(almaty.facts())),
                new Case("Almaty: decided and written",
                        () -> writer.write(almaty, engine.decide(almaty.facts()), EVENT_ID, NOW))),
                "event", "The Kostanay event of %d bytes".formatted(written.length));
    }
}
