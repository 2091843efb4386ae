package org.hotline.intake.complaint.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.hotline.intake.bench.IntakeBenchmark;
import org.hotline.intake.complaint.domain.ComplaintValidator;
import org.hotline.testsupport.MicroBenchmark;
import org.hotline.testsupport.MicroBenchmark.Case;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reading one complaint costs the intake, in CPU time on one thread: its body read as a JSON tree by Jackson
 * alone (the floor, measured in the same run, so that runs on a noisy machine compare as multiples of it), then
 * read by {@link ComplaintRequestReader} (parse, shape, binding), then read and validated as the controller does.
 *
 * <p>Not a test: run with {@code benchmarks/run-request-reading-benchmark.sh}; settings as {@link MicroBenchmark}.
 */
public final class RequestReadingBenchmark {

    private static final byte[] BODY = IntakeBenchmark.BODY.getBytes(StandardCharsets.UTF_8);

    private RequestReadingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        JsonMapper jackson = JsonMapper.builder().build();
        ComplaintRequestReader reader = new ComplaintRequestReader();
        ComplaintValidator validator = new ComplaintValidator(Clock.systemUTC());
        MicroBenchmark.run(List.of(
                new Case("Jackson readTree alone (the floor)", () -> jackson.readTree(BODY)),
                new Case("ComplaintRequestReader.read", () -> reader.read(BODY)),
                new Case("read and ComplaintValidator.validate", () -> validator.validate(reader.read(BODY)))),
                "body", "Body of %d bytes".formatted(BODY.length));
    }
}
