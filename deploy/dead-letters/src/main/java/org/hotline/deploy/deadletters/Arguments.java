package org.hotline.deploy.deadletters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A command line, checked: which command, which dead-letter topic, which records, and how to reach Kafka.
 *
 * @param bootstrapServers from {@code --bootstrap-server}; may be null when the command-config file names them
 * @param commandConfig a Kafka client properties file ({@code --command-config}), as Kafka's own tools take it
 * @param again from {@code --again}: replay dead letters that were replayed before, too
 */
record Arguments(Command command, String topic, Selection selection, boolean dryRun, boolean again,
        @Nullable String bootstrapServers, @Nullable Path commandConfig) {

    enum Command { LIST, REPLAY }

    static final String USAGE = """
            usage: dead-letters list <dlt-topic> --bootstrap-server <host:port> [--command-config <file>]
                   dead-letters replay <dlt-topic> (--offsets <p:o,p:o,...> | --all | --reason-code <code>)
                                [--dry-run] [--again] --bootstrap-server <host:port> [--command-config <file>]
                   dead-letters --help

              list      prints one line per dead letter: where it sits, its key, why it failed and where it came
                        from; never its value, only the value's size
              replay    re-publishes the chosen dead letters to their x-dead-letter-original-topic with the same
                        key, value and original headers, plus x-replayed-from; --dry-run only says what it would do;
                        a dead letter replayed before (an x-replayed-from naming it on its original topic) is refused
                        unless --again is given

              --command-config  a Kafka client properties file (security.protocol, sasl.*, ssl.*, ...)

            exit status: 0 done, 1 refused or Kafka failed (nothing is replayed after a refusal), 2 usage error""";

    static Arguments parse(String... args) {
        if (args.length == 0) {
            throw new DeadLetters.UsageError("no command given");
        }
        Command command = switch (args[0]) {
            case "list" -> Command.LIST;
            case "replay" -> Command.REPLAY;
            default -> throw new DeadLetters.UsageError("unknown command '" + args[0] + "'");
        };
        String topic = null;
        Set<Selection.Position> offsets = null;
        boolean all = false;
        String reasonCode = null;
        boolean dryRun = false;
        boolean again = false;
        String bootstrapServers = null;
        Path commandConfig = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--bootstrap-server" -> bootstrapServers = value(args, ++i, arg);
                case "--command-config" -> commandConfig = Path.of(value(args, ++i, arg));
                case "--offsets" -> offsets = positions(value(args, ++i, arg));
                case "--all" -> all = true;
                case "--reason-code" -> reasonCode = value(args, ++i, arg);
                case "--dry-run" -> dryRun = true;
                case "--again" -> again = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new DeadLetters.UsageError("unknown option '" + arg + "'");
                    }
                    if (topic != null) {
                        throw new DeadLetters.UsageError("one dead-letter topic only, got '" + topic + "' and '"
                                + arg + "'");
                    }
                    topic = arg;
                }
            }
        }
        if (topic == null) {
            throw new DeadLetters.UsageError("no dead-letter topic given");
        }
        if (bootstrapServers == null && commandConfig == null) {
            throw new DeadLetters.UsageError("--bootstrap-server is required");
        }
        int chosen = (offsets == null ? 0 : 1) + (all ? 1 : 0) + (reasonCode == null ? 0 : 1);
        Selection selection;
        if (command == Command.LIST) {
            if (chosen > 0 || dryRun || again) {
                throw new DeadLetters.UsageError("list takes no --offsets, --all, --reason-code, --dry-run or --again");
            }
            selection = Selection.everything();
        } else {
            if (chosen != 1) {
                throw new DeadLetters.UsageError("replay needs exactly one of --offsets, --all, --reason-code");
            }
            selection = offsets != null ? Selection.at(offsets)
                    : reasonCode != null ? Selection.withReasonCode(reasonCode)
                    : Selection.everything();
        }
        return new Arguments(command, topic, selection, dryRun, again, bootstrapServers, commandConfig);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new DeadLetters.UsageError(option + " needs a value");
        }
        return args[index];
    }

    private static Set<Selection.Position> positions(String list) {
        List<Selection.Position> positions = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            String[] parts = item.trim().split(":", -1);
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                int partition = Integer.parseInt(parts[0]);
                long offset = Long.parseLong(parts[1]);
                if (partition < 0 || offset < 0) {
                    throw new NumberFormatException();
                }
                positions.add(new Selection.Position(partition, offset));
            } catch (NumberFormatException e) {
                throw new DeadLetters.UsageError("--offsets takes partition:offset pairs separated by commas, "
                        + "such as 0:12,2:7; '" + item + "' is not one");
            }
        }
        return new LinkedHashSet<>(positions);
    }
}
