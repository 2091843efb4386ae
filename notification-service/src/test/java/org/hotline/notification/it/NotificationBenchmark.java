package org.hotline.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Not a test and not run by {@code verify}: sends a burst of routed complaints through a real in-JVM broker to a
 * local GreenMail SMTP server and reports messages per second, end-to-end latency percentiles and the measured
 * never-twice window. Writes {@code benchmarks/results.md}. See that file for how to run it.
 *
 * <p>Arguments: number of complaints (default 200; three messages each), output file, SMTP connections (default
 * 4, for the service and the baseline alike).
 */
public final class NotificationBenchmark {

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path results = Path.of(args.length > 1 ? args[1] : "benchmarks/results.md");
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String ledger = "benchmark-" + System.currentTimeMillis();
        EmbeddedKafkaKraftBroker broker = NotificationHarness.startBroker();
        int port = NotificationHarness.freePort();
        GreenMail smtp = NotificationHarness.startSmtp(port);
        ConfigurableApplicationContext service = NotificationHarness.startNotification(broker, port, ledger,
                "logging.level.root=WARN", "hotline.notification.connections=" + connections);
        try {
            List<RoutedEvents> events = IntStream.range(0, complaints).mapToObj(i -> RoutedEvents.complaint()
                    .assign("kz-39-anti-corruption", "PRIMARY", "ru", "ac-" + i + "@bench.example", 15, "a", "b", "c")
                    .assign("kz-39-labour", "COPY", "kk", "labour-" + i + "@bench.example", null, "a", "b", "c"))
                    .toList();
            int expected = complaints * 3;
            long started = System.nanoTime();
            NotificationHarness.publishAll(broker, events);
            Dispatcher outbox = service.getBean(Dispatcher.class);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (smtp.getReceivedMessages().length < expected || outbox.backlog() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not all messages were sent within 5 minutes");
                }
                smtp.waitForIncomingEmail(200, expected);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            String cpuPerMessage = String.format(Locale.ROOT, "%.2f ms in the senders, %.2f ms in the consumer",
                    threadCpuMillis("notification-sender") / expected, threadCpuMillis("routed-complaints") / expected);
            double baseline = plainSmtpRate(port, expected, connections);
            String report = report(complaints, expected, seconds, meters, baseline, connections, cpuPerMessage);
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, report);
            LoggerFactory.getLogger(NotificationBenchmark.class).info("benchmark written to {}:\n{}", results, report);
        } finally {
            service.close();
            smtp.stop();
            broker.destroy();
        }
    }

    /**
     * The baseline, in the same run and against the same SMTP server: the same number of messages sent by plain
     * Jakarta Mail over the same number of connections (a thread each), with no Kafka, no ledger and no rendering.
     */
    private static double plainSmtpRate(int port, int messages, int connections) {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(connections);
        try {
            List<java.util.concurrent.Callable<Long>> senders = IntStream.range(0, connections)
                    .mapToObj(c -> (java.util.concurrent.Callable<Long>) () -> plainSmtpNanos(port,
                            messages / connections, "c" + c))
                    .toList();
            long started = System.nanoTime();
            for (java.util.concurrent.Future<Long> sender : threads.invokeAll(senders)) {
                sender.get();
            }
            return (messages / connections * connections) / ((System.nanoTime() - started) / 1e9);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the plain SMTP baseline failed", e);
        } finally {
            threads.shutdown();
        }
    }

    private static long plainSmtpNanos(int port, int messages, String sender) {
        java.util.Properties settings = new java.util.Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(port));
        settings.put("mail.smtp.localhost", "localhost");
        // The service's own socket option, so that the baseline measures the server, not Nagle's algorithm.
        settings.put("mail.smtp.socketFactory", new org.hotline.notification.dispatch.mail.NoDelaySocketFactory());
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(settings);
        try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
            transport.connect();
            int warmUp = Math.min(25, messages);
            for (int i = 0; i < warmUp; i++) {
                sendPlain(session, transport, sender + "-warm-up-" + i);
            }
            long started = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                sendPlain(session, transport, sender + "-plain-" + i);
            }
            return System.nanoTime() - started;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("the plain SMTP baseline failed", e);
        }
    }

    /** A message of the service's shape (text and HTML alternatives) with a fixed Message-ID, as the service sets. */
    private static void sendPlain(jakarta.mail.Session session, jakarta.mail.Transport transport, String name)
            throws jakarta.mail.MessagingException {
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + name + "@bench.invalid>");
            }
        };
        message.setFrom("hotline@bench.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, name + "@bench.example");
        message.setSubject("Обращение HL-AAAA-BBBB-CCCC", "UTF-8");
        jakarta.mail.internet.MimeMultipart body = new jakarta.mail.internet.MimeMultipart("alternative");
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("Текст обращения. ".repeat(60), "UTF-8");
        jakarta.mail.internet.MimeBodyPart html = new jakarta.mail.internet.MimeBodyPart();
        html.setContent("<p>" + "Текст обращения. ".repeat(60) + "</p>", "text/html; charset=UTF-8");
        body.addBodyPart(text);
        body.addBodyPart(html);
        message.setContent(body);
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
    }

    /** CPU time used so far by the live threads whose names start with {@code prefix}, in milliseconds. */
    private static double threadCpuMillis(String prefix) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith(prefix))
                .mapToLong(thread -> threads.getThreadCpuTime(thread.getId())).filter(nanos -> nanos > 0)
                .sum() / 1e6;
    }

    private static String report(int complaints, int messages, double seconds, MeterRegistry meters,
            double baseline, int connections, String cpuPerMessage) throws IOException {
        Timer endToEnd = meters.get("hotline.notification.end.to.end").timer();
        Timer smtpLatency = meters.get("hotline.notification.smtp.latency").timer();
        Timer window = meters.get("hotline.notification.ledger.unrecorded.window").timer();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return String.format(Locale.ROOT, """
                # Notification benchmark

                - Date: %s
                - Machine: %s, %d cores, %d MiB max heap, %s %s, Java %s (host %s)
                - Set-up: in-JVM KRaft broker, GreenMail SMTP on 127.0.0.1, the service in the same JVM with its ledger
                  on the broker; %d ComplaintRouted events published as fast as one producer sends them, three
                  messages each (two bodies and the caseworkers), %d SMTP connections.
                - Command: see the end of this file.

                | figure | value |
                |---|---|
                | messages sent | %d |
                | wall time, first publish to last message sent | %.2f s |
                | throughput | **%.1f messages/s** |
                | baseline in the same run: plain Jakarta Mail to the same server, as many connections, warmed up, no Kafka or ledger | %.1f messages/s |
                | the service as a share of the baseline | %.1f %% |
                | CPU per message of the service's own threads (rendering, MIME, SMTP, ledger writes; reading) | %s |
                | end-to-end (receivedAt to last message of the complaint) p50 / p95 / p99 / max | %s |
                | one SMTP send p50 / p95 / p99 / max | %s |
                | never-twice window (SMTP acceptance to durable `SENT` record) p50 / p95 / p99 / max | %s |

                The gap to the baseline is the price of never twice: per batch of messages, two Kafka transactions on
                the ledger (intents before, results with their outcomes after), and a rendering per message.
                End-to-end latency here is dominated by queueing: the whole burst arrives at once, so the p99 is
                roughly the time to drain the burst. Percentiles come from Micrometer's histogram and are
                approximate (a p99 may exceed the exact max).

                Run it (not part of `verify`):

                ```
                ./mvnw -q -B -pl notification-service test-compile \\
                  dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
                cd notification-service && java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \\
                  org.hotline.notification.it.NotificationBenchmark 200 benchmarks/results.md 4
                ```
                """,
                Instant.now(), cpu, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                InetAddress.getLocalHost().getHostName(), complaints, connections, messages, seconds,
                messages / seconds,
                baseline, 100 * (messages / seconds) / baseline, cpuPerMessage,
                percentiles(endToEnd, TimeUnit.MILLISECONDS, "ms"), percentiles(smtpLatency, TimeUnit.MILLISECONDS, "ms"),
                percentiles(window, TimeUnit.MICROSECONDS, "µs"))
                + "\nJVM: " + ManagementFactory.getRuntimeMXBean().getVmName() + "\n";
    }

    private static String percentiles(Timer timer, TimeUnit unit, String label) {
        StringBuilder out = new StringBuilder();
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            out.append(String.format(Locale.ROOT, "%.1f / ", value.value(unit)));
        }
        return out.append(String.format(Locale.ROOT, "%.1f %s", timer.max(unit), label)).toString();
    }
}
