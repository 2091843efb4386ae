package org.hotline.notification.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.notification.it.NotificationHarness.publish;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.hotline.notification.dispatch.application.Dispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResilienceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    void start() {
        broker = NotificationHarness.startBroker();
    }

    @AfterAll
    void stop() {
        broker.destroy();
    }

    @Test
    void whenTheSmtpServerIsDownForAWhileEverythingIsDeliveredOnceItIsBack() {
        // given a service whose SMTP server is down
        int port = NotificationHarness.freePort();
        ConfigurableApplicationContext service = NotificationHarness.startNotification(broker, port, "outage");
        GreenMail smtp = null;
        try {
            List<RoutedEvents> complaints = complaints(5, "outage");

            // when complaints arrive during the outage and the server comes back later
            complaints.forEach(event -> publish(broker, event));
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            await().atMost(PATIENCE).until(() -> meters.find("hotline.notification.retries").counters().stream()
                    .mapToDouble(counter -> counter.count()).sum() >= 30);
            smtp = NotificationHarness.startSmtp(port);

            // then
            Dispatcher dispatcher = service.getBean(Dispatcher.class);
            GreenMail server = smtp;
            await().atMost(PATIENCE).until(() -> server.getReceivedMessages().length >= 15
                    && dispatcher.backlog() == 0);
            assertThat(messageIds(smtp)).hasSize(15).doesNotHaveDuplicates();
            assertThat(meters.find("hotline.notification.messages.sent").counters().stream()
                    .mapToDouble(counter -> counter.count()).sum()).isEqualTo(15);
        } finally {
            service.close();
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void aServiceRestartedMidBatchSendsNoMessageTwiceAndLosesNone() {
        // given
        int port = NotificationHarness.freePort();
        GreenMail smtp = NotificationHarness.startSmtp(port);
        try {
            ConfigurableApplicationContext first = NotificationHarness.startNotification(broker, port, "restart",
                    "hotline.notification.batch-size=2", "hotline.notification.connections=1");
            // Enough that a graceful stop after the first few cannot let the rest go out before it ends (Java 25 in CI
            // sent all of 60 while the first instance closed).
            List<RoutedEvents> complaints = complaints(100, "restart");
            int messages = 3 * complaints.size();

            // when the service stops while it is sending, and starts again on the same ledger
            complaints.forEach(event -> publish(broker, event));
            await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= 6);
            first.close();
            int sentBeforeRestart = smtp.getReceivedMessages().length;
            ConfigurableApplicationContext second = NotificationHarness.startNotification(broker, port, "restart");
            try {
                Dispatcher dispatcher = second.getBean(Dispatcher.class);
                await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= messages
                        && dispatcher.backlog() == 0);

                // then
                assertThat(sentBeforeRestart).isLessThan(messages);
                assertThat(messageIds(smtp)).hasSize(messages).doesNotHaveDuplicates();
            } finally {
                second.close();
            }
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aBacklogWaitsInKafkaWhileTheSmtpServerIsDownAndTheServiceHoldsNoMoreThanItsBound() {
        // given a service allowed 20 messages competing for the senders (so 200 held in all, retries included),
        // reading 5 records a poll, whose SMTP server is down
        int port = NotificationHarness.freePort();
        ConfigurableApplicationContext service = NotificationHarness.startNotification(broker, port, "bounded",
                "hotline.notification.max-backlog=20", "hotline.notification.kafka.max-poll-records=5",
                "hotline.notification.retry.max=5s");
        GreenMail smtp = null;
        try {
            Dispatcher dispatcher = service.getBean(Dispatcher.class);
            MeterRegistry meters = service.getBean(MeterRegistry.class);

            // when 200 complaints (600 messages) arrive during the outage
            NotificationHarness.publishAll(broker, complaints(200, "bounded"));
            await().atMost(PATIENCE).until(() -> meters.find("hotline.notification.retries").counters().stream()
                    .mapToDouble(counter -> counter.count()).sum() >= 30);

            // then the service holds at most its bound plus one poll's messages, the rest stays in Kafka
            await().atMost(PATIENCE).until(() -> dispatcher.backlog() >= 100);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> dispatcher.backlog() <= 200 + 5 * 3);

            // and once the server is back, everything is delivered once
            smtp = NotificationHarness.startSmtp(port);
            GreenMail server = smtp;
            await().atMost(PATIENCE).until(() -> server.getReceivedMessages().length >= 600
                    && dispatcher.backlog() == 0);
            assertThat(messageIds(smtp)).hasSize(600).doesNotHaveDuplicates();
        } finally {
            service.close();
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    void twoInstancesShareTheWorkAndOneStoppingMidFlowNeitherLosesNorRepeatsAMessage() {
        // given two instances sharing the topics and the ledger
        int port = NotificationHarness.freePort();
        GreenMail smtp = NotificationHarness.startSmtp(port);
        ConfigurableApplicationContext first = NotificationHarness.startNotification(broker, port, "shared",
                "hotline.notification.batch-size=2", "hotline.notification.connections=1");
        ConfigurableApplicationContext second = NotificationHarness.startNotification(broker, port, "shared",
                "hotline.notification.batch-size=2", "hotline.notification.connections=1");
        try {
            // when complaints flow and the first instance stops while sending
            NotificationHarness.publishAll(broker, complaints(60, "shared"));
            await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= 40);
            double sentByFirst = sent(first);
            first.close();
            int beforeTheStop = smtp.getReceivedMessages().length;

            // then the second takes its partitions over and every message is delivered once
            Dispatcher survivor = second.getBean(Dispatcher.class);
            await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= 180
                    && survivor.backlog() == 0);
            assertThat(sentByFirst).isPositive();
            assertThat(sent(second)).isPositive();
            assertThat(beforeTheStop).isLessThan(180);
            assertThat(messageIds(smtp)).hasSize(180).doesNotHaveDuplicates();
        } finally {
            first.close();
            second.close();
            smtp.stop();
        }
    }

    private static double sent(ConfigurableApplicationContext service) {
        return service.getBean(MeterRegistry.class).find("hotline.notification.messages.sent").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    /** Complaints to two bodies each, no acknowledgement: three messages per complaint with the caseworkers'. */
    private static List<RoutedEvents> complaints(int count, String tag) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> RoutedEvents.complaint()
                .assign("kz-39-anti-corruption", "PRIMARY", "ru", "ac-" + i + "@" + tag + ".example", 15, "a", "b",
                        "c")
                .assign("kz-39-labour", "COPY", "kk", "labour-" + i + "@" + tag + ".example", null, "a", "b", "c"))
                .toList();
    }

    private static List<String> messageIds(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).map(NotificationHarness::messageId).toList();
    }
}
