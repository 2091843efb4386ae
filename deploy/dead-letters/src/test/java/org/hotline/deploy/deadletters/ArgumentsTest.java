package org.hotline.deploy.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    @Test
    void replayByOffsetsChoosesThePartitionOffsetPairsGiven() {
        // given / when
        Arguments arguments = Arguments.parse("replay", "complaints.received.v1.dlt", "--offsets", "0:12,2:7",
                "--bootstrap-server", "kafka:9092");

        // then
        assertThat(arguments.command()).isEqualTo(Arguments.Command.REPLAY);
        assertThat(arguments.topic()).isEqualTo("complaints.received.v1.dlt");
        assertThat(arguments.selection().positions())
                .containsExactlyInAnyOrder(new Selection.Position(0, 12), new Selection.Position(2, 7));
        assertThat(arguments.dryRun()).isFalse();
        assertThat(arguments.again()).isFalse();
        assertThat(arguments.bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void againAllowsReplayingDeadLettersReplayedBeforeAndOnlyForReplay() {
        assertThat(Arguments.parse("replay", "t.dlt", "--all", "--again", "--bootstrap-server", "kafka:9092")
                .again()).isTrue();
        assertThatThrownBy(() -> Arguments.parse("list", "t.dlt", "--again", "--bootstrap-server", "kafka:9092"))
                .isInstanceOf(DeadLetters.UsageError.class).hasMessageContaining("--again");
    }

    @Test
    void replayWithoutAChoiceOfRecordsIsAUsageError() {
        assertThatThrownBy(() -> Arguments.parse("replay", "t.dlt", "--bootstrap-server", "kafka:9092"))
                .isInstanceOf(DeadLetters.UsageError.class)
                .hasMessageContaining("exactly one of --offsets, --all, --reason-code");
    }

    @Test
    void replayWithTwoChoicesOfRecordsIsAUsageError() {
        assertThatThrownBy(() -> Arguments.parse("replay", "t.dlt", "--all", "--reason-code", "not_json",
                "--bootstrap-server", "kafka:9092"))
                .isInstanceOf(DeadLetters.UsageError.class);
    }

    @Test
    void anOffsetThatIsNotAPartitionColonOffsetPairIsAUsageErrorNamingIt() {
        assertThatThrownBy(() -> Arguments.parse("replay", "t.dlt", "--offsets", "0:12,7",
                "--bootstrap-server", "kafka:9092"))
                .isInstanceOf(DeadLetters.UsageError.class)
                .hasMessageContaining("'7'");
    }

    @Test
    void listTakesNoChoiceOfRecords() {
        assertThatThrownBy(() -> Arguments.parse("list", "t.dlt", "--all", "--bootstrap-server", "kafka:9092"))
                .isInstanceOf(DeadLetters.UsageError.class);
    }

    @Test
    void aReasonCodeChoosesOnlyDeadLettersWithThatCode() {
        // given
        Selection selection = Arguments.parse("replay", "t.dlt", "--reason-code", "routing_failed",
                "--bootstrap-server", "kafka:9092").selection();

        // then
        assertThat(selection.reasonCode()).isEqualTo("routing_failed");
        assertThat(selection.positions()).isNull();
    }

    @Test
    void anUnknownCommandExitsWith2AndPrintsTheUsageWithoutAStackTrace() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int exit = DeadLetters.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "purge", "t.dlt");

        // then
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(errors).startsWith("dead-letters: unknown command 'purge'").contains("usage: dead-letters list")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingBootstrapServerExitsWith2() {
        int exit = DeadLetters.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), "list", "t.dlt");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void helpPrintsTheUsageAndExitsWith0() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int exit = DeadLetters.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--command-config").contains("exit status");
    }

    @Test
    void theSamePositionTwiceIsChosenOnce() {
        Set<Selection.Position> positions = Arguments.parse("replay", "t.dlt", "--offsets", "1:5,1:5",
                "--bootstrap-server", "kafka:9092").selection().positions();

        assertThat(positions).containsExactly(new Selection.Position(1, 5));
    }
}
