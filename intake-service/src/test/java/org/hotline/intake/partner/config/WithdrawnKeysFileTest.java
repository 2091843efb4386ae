package org.hotline.intake.partner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hotline.intake.partner.web.PartnerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WithdrawnKeysFileTest {

    private static final String A = "a".repeat(64);
    private static final String B = "0123456789abcdef".repeat(4);

    @TempDir
    Path directory;

    @Test
    void readsOneHashALineSkippingCommentsAndBlankLinesInAnyCase() {
        List<String> lines = List.of("# leaked 2026-12-03", "", "  " + A.toUpperCase(Locale.ROOT) + "  ", B);

        assertThat(WithdrawnKeysFile.parse(lines)).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void refusesAFileWithALineThatIsNotAHashNamingTheLineAndNotItsText() {
        assertThatThrownBy(() -> WithdrawnKeysFile.parse(List.of(A, "the key itself, pasted by mistake")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2 ")
                .hasMessageNotContaining("pasted");
    }

    @Test
    void stopsTheStartWhenTheFileDoesNotParseAndKeepsTheLastGoodListWhenALaterReadingFails() throws Exception {
        // given
        PartnerKeys keys = new PartnerKeys(List.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path broken = Files.writeString(directory.resolve("broken"), "not a hash\n");
        assertThatThrownBy(() -> new WithdrawnKeysFile(broken, Duration.ofSeconds(10), keys, registry))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withdrawn-keys-file");
        Path file = Files.writeString(directory.resolve("withdrawn"), A + "\n");
        WithdrawnKeysFile withdrawn = new WithdrawnKeysFile(file, Duration.ofSeconds(10), keys, registry);
        assertThat(keys.withdrawnCount()).isEqualTo(1);

        // when the file grows, then breaks, then goes
        Files.writeString(file, A + "\n" + B + "\n");
        withdrawn.reload();
        assertThat(keys.withdrawnCount()).isEqualTo(2);
        Files.writeString(file, "half-written");
        withdrawn.reload();
        Files.delete(file);
        withdrawn.reload();

        // then the last good list stays
        assertThat(keys.withdrawnCount()).isEqualTo(2);
        assertThat(registry.get("hotline.intake.partner.withdrawn.keys.reload.failures").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void withdrawsNothingWhileTheFileDoesNotExistAndReadsItOnceItDoes() throws Exception {
        // given an optional ConfigMap not yet created
        PartnerKeys keys = new PartnerKeys(List.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path file = directory.resolve("not-yet");
        WithdrawnKeysFile withdrawn = new WithdrawnKeysFile(file, Duration.ofSeconds(10), keys, registry);
        withdrawn.reload();
        assertThat(keys.withdrawnCount()).isZero();

        // when it is created
        Files.writeString(file, B + "\n");
        withdrawn.reload();

        // then
        assertThat(keys.withdrawnCount()).isEqualTo(1);
        assertThat(registry.get("hotline.intake.partner.withdrawn.keys.reload.failures").counter().count())
                .isZero();
    }
}
