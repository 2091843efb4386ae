package org.hotline.routing.rules.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.routing.directory.application.DirectoryMetrics;
import org.hotline.routing.directory.application.DirectorySource;
import org.hotline.routing.directory.domain.InvalidDirectoryException;
import org.hotline.routing.rules.yaml.SampleDirectory;
import org.hotline.routing.rules.yaml.YamlRoutingEngineLoader;
import org.junit.jupiter.api.Test;

/** Swapping the directory in use: a good reload replaces it, a bad one keeps it and is counted once. */
class CurrentRoutingEngineTest {

    private final List<String> loaded = new ArrayList<>();
    private int failures;
    private final SampleDirectory files = new SampleDirectory();

    @Test
    void reloadsWhenTheFilesChangeAndOnlyThen() throws IOException {
        // given
        CurrentRoutingEngine directory = new CurrentRoutingEngine(files, new YamlRoutingEngineLoader(), metrics());
        String first = directory.engine().rulesVersion();

        // when / then: nothing changed
        assertThat(directory.reloadIfChanged()).isFalse();

        // when: the rules get a new version
        files.with(DirectorySource.RULES, SampleDirectory.text(DirectorySource.RULES)
                .replace("version: kz-sample-2026.11", "version: kz-sample-2026.12"));

        // then
        assertThat(directory.reloadIfChanged()).isTrue();
        assertThat(directory.engine().rulesVersion()).startsWith("kz-sample-2026.12@").isNotEqualTo(first);
        assertThat(loaded).hasSize(2);
        assertThat(directory.reloadIfChanged()).isFalse();
    }

    @Test
    void keepsTheDirectoryInUseWhenAReloadFindsMistakesAndReportsThemOnce() throws IOException {
        // given
        CurrentRoutingEngine directory = new CurrentRoutingEngine(files, new YamlRoutingEngineLoader(), metrics());
        String good = directory.engine().rulesVersion();
        files.with(DirectorySource.RULES, SampleDirectory.text(DirectorySource.RULES)
                .replace("type: ANTI_CORRUPTION", "type: CORRUPTION_POLICE"));

        // when
        boolean attempted = directory.reloadIfChanged();
        boolean attemptedAgain = directory.reloadIfChanged();

        // then
        assertThat(attempted).isTrue();
        assertThat(attemptedAgain).isFalse();
        assertThat(directory.engine().rulesVersion()).isEqualTo(good);
        assertThat(failures).isEqualTo(1);
        assertThatThrownBy(directory::reload).isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("rules.yml:");
        assertThat(failures).isEqualTo(2);
    }

    @Test
    void refusesToStartWithAnInvalidDirectory() {
        files.with(DirectorySource.UNITS, "units: []\n");

        assertThatThrownBy(() -> new CurrentRoutingEngine(files, new YamlRoutingEngineLoader(), metrics()))
                .isInstanceOf(InvalidDirectoryException.class)
                .hasMessageContaining("authorities.yml:");
    }

    private DirectoryMetrics metrics() {
        return new DirectoryMetrics() {
            @Override
            public void loaded(String rulesVersion, int authorities, int rules) {
                loaded.add(rulesVersion);
            }

            @Override
            public void reloadFailed() {
                failures++;
            }
        };
    }
}
