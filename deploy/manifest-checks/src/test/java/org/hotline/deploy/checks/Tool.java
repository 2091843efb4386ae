package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool from a Debian package. A missing tool fails the test with the package to install: CI
 * installs them, and a check that silently skips would let a broken manifest through.
 */
enum Tool {

    KUBECTL("kubectl", "KUBECTL", "kubernetes-client"),
    PROMTOOL("promtool", "PROMTOOL", "prometheus"),
    DOCKER_COMPOSE("docker-compose", "DOCKER_COMPOSE", "docker-compose");

    private final String command;
    private final String override;
    private final String debianPackage;

    Tool(String command, String override, String debianPackage) {
        this.command = command;
        this.override = override;
        this.debianPackage = debianPackage;
    }

    /** What a run printed, and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {

        String output() {
            return stdout + stderr;
        }
    }

    /** Runs the tool in {@code directory}; the environment variable named after it (e.g. KUBECTL) can point elsewhere. */
    Run run(Path directory, String... arguments) {
        String executable = System.getenv().getOrDefault(override, command);
        List<String> commandLine = new ArrayList<>();
        commandLine.add(executable);
        commandLine.addAll(List.of(arguments));
        try {
            File stderr = File.createTempFile(command, ".stderr");
            stderr.deleteOnExit();
            Process process = new ProcessBuilder(commandLine).directory(directory.toFile())
                    .redirectError(stderr).start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return fail("%s did not finish within 2 minutes", String.join(" ", commandLine));
            }
            return new Run(process.exitValue(), stdout, Files.readString(stderr.toPath()));
        } catch (IOException e) {
            return fail("cannot run '%s' (%s): install Debian's %s package (apt-get install -y %s), or set %s to the"
                    + " tool's path", executable, e.getMessage(), debianPackage, debianPackage, override);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", executable);
        }
    }
}
