package org.hotline.deploy.deadletters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The command line: {@code list} and {@code replay} on one dead-letter topic (usage in {@link Arguments#USAGE}).
 * Mistakes on the command line and refusals print one line, never a stack trace.
 */
public final class DeadLetters {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    /** How long to wait for the cluster at each step before giving up with a message. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private DeadLetters() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.println(Arguments.USAGE);
            return DONE;
        }
        try {
            Arguments arguments = Arguments.parse(args);
            Properties connection = connection(arguments);
            List<DeadLetter> letters = DeadLetterTopic.readAll(connection, arguments.topic(), PATIENCE);
            switch (arguments.command()) {
                case LIST -> list(letters, arguments.topic(), out);
                case REPLAY -> Replay.run(connection, arguments.topic(), letters, arguments.selection(),
                        arguments.dryRun(), arguments.again(), out);
            }
            return DONE;
        } catch (UsageError e) {
            err.println("dead-letters: " + e.getMessage());
            err.println(Arguments.USAGE);
            return USAGE;
        } catch (Refused e) {
            err.println("dead-letters: " + e.getMessage());
            return REFUSED;
        } catch (TimeoutException e) {
            err.println("dead-letters: Kafka did not answer: " + e.getMessage()
                    + " (check --bootstrap-server and --command-config)");
            return REFUSED;
        } catch (KafkaException e) {
            err.println("dead-letters: Kafka failed: " + e.getMessage());
            return REFUSED;
        } finally {
            out.flush();
        }
    }

    /** One line per dead letter. The value is never printed, only its size: it may hold personal data. */
    private static void list(List<DeadLetter> letters, String topic, PrintStream out) {
        for (DeadLetter letter : letters) {
            out.printf("%d/%d key=%s reason-code=%s reason=\"%s\" exception=%s original=%s/%s/%s group=%s at=%s "
                    + "value=%d bytes%n",
                    letter.partition(), letter.offset(), letter.printableKey(), shown(letter, DeadLetter.REASON_CODE),
                    shown(letter, DeadLetter.REASON), shown(letter, DeadLetter.EXCEPTION),
                    shown(letter, DeadLetter.ORIGINAL_TOPIC), shown(letter, DeadLetter.ORIGINAL_PARTITION),
                    shown(letter, DeadLetter.ORIGINAL_OFFSET), shown(letter, DeadLetter.GROUP),
                    shown(letter, DeadLetter.AT), letter.valueSize());
        }
        out.printf("%d dead letter(s) on %s%n", letters.size(), topic);
    }

    private static String shown(DeadLetter letter, String header) {
        String value = letter.header(header);
        return value == null ? "-" : DeadLetter.printable(value);
    }

    /** The command-config file first, as Kafka's tools read it; {@code --bootstrap-server} wins over it. */
    private static Properties connection(Arguments arguments) {
        Properties connection = new Properties();
        if (arguments.commandConfig() != null) {
            try (InputStream in = Files.newInputStream(arguments.commandConfig())) {
                connection.load(in);
            } catch (IOException e) {
                throw new UsageError("cannot read --command-config " + arguments.commandConfig() + ": " + e);
            }
        }
        if (arguments.bootstrapServers() != null) {
            connection.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, arguments.bootstrapServers());
        }
        if (connection.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "").isBlank()) {
            throw new UsageError("--bootstrap-server is required (the command-config file names none)");
        }
        return connection;
    }

    /** A command line the tool cannot run: the message says what is wrong, then the usage text follows. */
    static final class UsageError extends RuntimeException {

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** Something the tool will not or could not do; the message says what, and what was done before it. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
