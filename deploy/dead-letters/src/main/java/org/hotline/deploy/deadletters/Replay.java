package org.hotline.deploy.deadletters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-publishes chosen dead letters to the topic each came from. Every check is made before the first record is
 * sent, so a refusal replays nothing; once sending starts, each record waits for its acknowledgement before the
 * next, so a failure leaves the lines printed so far as the exact list of what was replayed. A dead letter that was
 * replayed before is refused unless the operator says {@code --again}: replaying it twice would put the same event on
 * its topic twice.
 */
final class Replay {

    /** How long the check for earlier replays may read the original topics. */
    private static final Duration HISTORY_PATIENCE = Duration.ofMinutes(5);

    private Replay() {
    }

    static void run(Properties connection, String topic, List<DeadLetter> letters, Selection selection,
            boolean dryRun, boolean again, PrintStream out) {
        List<DeadLetter> chosen = letters.stream().filter(selection::includes).toList();
        refuseWhatCannotBeReplayed(topic, letters, selection, chosen);
        if (chosen.isEmpty()) {
            out.println("nothing to replay: " + topic + " has no dead letters");
            return;
        }
        Map<String, String> replayedBefore = ReplayHistory.of(connection, chosen, HISTORY_PATIENCE);
        if (!again && !replayedBefore.isEmpty()) {
            throw new DeadLetters.Refused("already replayed: " + String.join(", ", replayedBefore.entrySet().stream()
                    .map(done -> done.getKey() + " (as " + done.getValue() + ")").toList())
                    + "; nothing was replayed. Leave them out (--offsets), or give --again to replay them once more");
        }
        if (dryRun) {
            for (DeadLetter letter : chosen) {
                String before = replayedBefore.get(letter.position());
                out.printf("would replay %s to %s key=%s headers=%d value=%d bytes%s%n", letter.position(),
                        letter.header(DeadLetter.ORIGINAL_TOPIC), letter.printableKey(),
                        letter.originalHeaders().size(), letter.valueSize(),
                        before == null ? "" : " (replayed before as " + before + ")");
            }
            out.printf("dry run: %d dead letter(s) would be replayed; nothing was published%n", chosen.size());
            return;
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings(connection),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            int replayed = 0;
            for (DeadLetter letter : chosen) {
                RecordMetadata written;
                try {
                    written = producer.send(copyOf(letter)).get();
                } catch (ExecutionException e) {
                    throw new DeadLetters.Refused("replaying " + letter.position() + " failed: "
                            + e.getCause().getMessage() + "; " + replayed + " dead letter(s) above were replayed, "
                            + (chosen.size() - replayed) + " were not");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DeadLetters.Refused("interrupted while replaying " + letter.position() + "; "
                            + replayed + " dead letter(s) above were replayed");
                }
                replayed++;
                out.printf("replayed %s to %s/%d/%d key=%s%n", letter.position(), written.topic(),
                        written.partition(), written.offset(), letter.printableKey());
            }
            out.printf("replayed %d dead letter(s) from %s%n", replayed, topic);
        }
    }

    private static void refuseWhatCannotBeReplayed(String topic, List<DeadLetter> letters, Selection selection,
            List<DeadLetter> chosen) {
        if (selection.positions() != null) {
            Set<Selection.Position> missing = new TreeSet<>(
                    (a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                            : Long.compare(a.offset(), b.offset()));
            missing.addAll(selection.positions());
            chosen.forEach(letter -> missing.remove(new Selection.Position(letter.partition(), letter.offset())));
            if (!missing.isEmpty()) {
                throw new DeadLetters.Refused(topic + " has no committed dead letter at " + join(missing)
                        + "; nothing was replayed");
            }
        }
        if (selection.reasonCode() != null && chosen.isEmpty()) {
            Set<String> codes = new TreeSet<>();
            letters.forEach(letter -> codes.add(String.valueOf(letter.header(DeadLetter.REASON_CODE))));
            throw new DeadLetters.Refused("no dead letter on " + topic + " has reason code '"
                    + selection.reasonCode() + "' (codes there: " + (codes.isEmpty() ? "none" : join(codes))
                    + "); nothing was replayed");
        }
        List<String> homeless = new ArrayList<>();
        for (DeadLetter letter : chosen) {
            String original = letter.header(DeadLetter.ORIGINAL_TOPIC);
            if (original == null || original.isBlank()) {
                homeless.add(letter.position());
            }
        }
        if (!homeless.isEmpty()) {
            throw new DeadLetters.Refused("refusing to replay: " + String.join(", ", homeless) + " has no "
                    + DeadLetter.ORIGINAL_TOPIC + " header, so the topic it came from is unknown; "
                    + "nothing was replayed");
        }
    }

    /** The original record again: same key and value, its own headers, and where it was replayed from. */
    static ProducerRecord<byte[], byte[]> copyOf(DeadLetter letter) {
        List<Header> headers = new ArrayList<>(letter.originalHeaders());
        headers.add(new RecordHeader(DeadLetter.REPLAYED_FROM, letter.position().getBytes(StandardCharsets.UTF_8)));
        // No partition: the key (the complaint id) places the record beside that complaint's other events, as the
        // producer that wrote it first did.
        return new ProducerRecord<>(letter.header(DeadLetter.ORIGINAL_TOPIC), null, letter.key(), letter.value(),
                headers);
    }

    private static Properties producerSettings(Properties connection) {
        Properties settings = new Properties();
        settings.putAll(connection);
        // Idempotent with acks=all: a retried send after a lost acknowledgement is not written twice.
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-replay");
        return settings;
    }

    private static String join(Set<?> items) {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }
}
