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
        assertThat(WithdrawnKeysFile.parse(List.of("# leaked 2026-12-03", "", "  " + A.toUpperCase(Locale.ROOT) + "  ", B)))
                .containsExactlyInAnyOrder(A, B);
    }

    @Test
    void refusesAFileWithALineThatIsNotAHashNamingTheLineAndNotItsText() {
        assertThatThrownBy(() -> WithdrawnKeysFile.parse(List.of(A, "the key itself, pasted by mistake")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 2 ")
                .hasMessageNotContaining("pasted");
    }

    @Test
    void stopsTheStartWhenTheFileDoesNotReadAndKeepsTheLastGoodListWhenALaterReadingFails() throws Exception {
        PartnerKeys keys = new PartnerKeys(List.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        assertThatThrownBy(() -> new WithdrawnKeysFile(directory.resolve("missing"), Duration.ofSeconds(10), keys,
                registry)).isInstanceOf(IllegalStateException.class).hasMessageContaining("withdrawn-keys-file");

        Path file = Files.writeString(directory.resolve("withdrawn"), A + "\n");
        WithdrawnKeysFile withdrawn = new WithdrawnKeysFile(file, Duration.ofSeconds(10), keys, registry);
        assertThat(keys.withdrawnCount()).isEqualTo(1);

        Files.writeString(file, A + "\n" + B + "\n");
        withdrawn.reload();
        assertThat(keys.withdrawnCount()).isEqualTo(2);

        Files.writeString(file, "half-written");
        withdrawn.reload();
        Files.delete(file);
        withdrawn.reload();
        assertThat(keys.withdrawnCount()).isEqualTo(2);
        assertThat(registry.get("hotline.intake.partner.withdrawn.keys.reload.failures").counter().count())
                .isEqualTo(2.0);
    }
}
