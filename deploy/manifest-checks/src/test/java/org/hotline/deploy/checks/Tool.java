package org.hotline.deploy.checks;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool from a Debian package. A missing tool skips the test with the package to install, so that a
 * newcomer's `./mvnw verify` runs everything else (`./test.sh` installs them); in CI ({@code CI=true}) it fails the
 * test instead: there a check that skipped would let a broken manifest through.
 */
enum Tool {

    KUBECTL("kubectl", "KUBECTL", "kubernetes-client"),
    PROMTOOL("promtool", "PROMTOOL", "prometheus"),
    DOCKER_COMPOSE("docker-compose", "DOCKER_COMPOSE", "docker-compose"),
    OPENSSL("openssl", "OPENSSL", "openssl");

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
        if (this == DOCKER_COMPOSE && !System.getenv().containsKey(override) && !installed(executable)
                && installed("docker") && composePlugin()) {
            // Compose v2, the Docker CLI's plugin, takes the same arguments after "docker compose".
            commandLine.set(0, "docker");
            commandLine.add("compose");
        }
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
            String message = String.format("cannot run '%s' (%s): install Debian's %s package (apt-get install -y %s,"
                    + " or run ./test.sh as root), or set %s to the tool's path", executable, e.getMessage(),
                    debianPackage, debianPackage, override);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return fail("%s", message);
            }
            return Assumptions.abort("skipped: " + message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", executable);
        }
    }

    private static boolean installed(String executable) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, executable)));
    }

    private static boolean composePlugin() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
