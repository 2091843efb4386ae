package org.hotline.notification.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.hotline.notification.NotificationApplication;
import org.hotline.testsupport.Brokers;
import org.hotline.testsupport.ScrapePages;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker and a real SMTP server in this JVM, the service started against them, and ways to look. */
final class NotificationHarness {

    static final String ROUTED = "complaints.routed.v1";
    static final String OUTCOMES = "notifications.outcomes.v1";
    static final String DEAD_LETTERS = "complaints.routed.v1.dlt";
    static final String CASE_EVENTS = "cases.events.v1";
    static final String CASE_EVENTS_DEAD_LETTERS = "cases.events.v1.notification.dlt";
    static final String KEYS = "complaints.keys.v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NotificationHarness() {
    }

    static EmbeddedKafkaKraftBroker startBroker() {
        EmbeddedKafkaKraftBroker broker = Brokers.start(2, ROUTED, CASE_EVENTS, KEYS);
        return broker;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail startSmtp(int port) {
        GreenMail smtp = new RejectingGreenMail(port);
        smtp.start();
        return smtp;
    }

    /**
     * Starts an instance on random HTTP ports with a ledger of its own name ({@code notification.ledger.<ledger>}):
     * instances started with the same name share it, as a restarted or a second instance does. Extra settings
     * are {@code key=value} pairs.
     */
    static ConfigurableApplicationContext startNotification(EmbeddedKafkaKraftBroker broker, int smtpPort,
            String ledger, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--server.port=0",
                "--management.server.port=0",
                "--hotline.notification.topics.ledger=notification.ledger." + ledger,
                "--hotline.notification.ledger.transactional-id-prefix=" + ledger + "-",
                // Each instance a store of its own: several run at once here, and each test has a broker of its own.
                "--hotline.sealing.complaint-keys.directory=" + temporaryFolder()));
        Stream.of(settings).map(setting -> "--" + setting).forEach(args::add);
        ConfigurableApplicationContext service =
                new SpringApplicationBuilder(NotificationApplication.class).run(args.toArray(String[]::new));
        String readiness = "http://localhost:" + managementPort(service) + "/actuator/health/readiness";
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(readiness).statusCode() == 200);
        return service;
    }

    private static String temporaryFolder() {
        try {
            return Files.createTempDirectory("notification-complaint-keys").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int managementPort(ConfigurableApplicationContext service) {
        return Integer.parseInt(service.getEnvironment().getRequiredProperty("local.management.port"));
    }

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A GET with HTTP Basic; the test profile's accounts have their name followed by "-password" as password. */
    static HttpResponse<String> getAs(String user, String password, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user, password)).GET().build());
    }

    /** The metrics page as a Prometheus server scrapes it: as the test profile's ops account, in OpenMetrics. */
    static HttpResponse<String> scrape(ConfigurableApplicationContext service) {
        return send(ScrapePages.request("http://localhost:" + managementPort(service) + "/actuator/prometheus",
                "test-ops", "test-ops-password").build());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void publish(EmbeddedKafkaKraftBroker broker, String key, byte[] value) {
        publish(broker, ROUTED, key, value);
    }

    static void publish(EmbeddedKafkaKraftBroker broker, String topic, String key, byte[] value) {
        publish(broker, new ProducerRecord<>(topic, key, value));
    }

    /** Publishes the event in a trace, as routing does: its {@code traceparent} header. */
    static void publishTraced(EmbeddedKafkaKraftBroker broker, RoutedEvents event, String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(ROUTED, event.complaintId().toString(),
                event.bytes());
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        publish(broker, record);
    }

    private static void publish(EmbeddedKafkaKraftBroker broker, ProducerRecord<String, byte[]> record) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes many events through one producer, as routing would. */
    static void publishAll(EmbeddedKafkaKraftBroker broker, List<RoutedEvents> events) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (RoutedEvents event : events) {
                producer.send(new ProducerRecord<>(ROUTED, event.complaintId().toString(), event.bytes()));
            }
            producer.flush();
        }
    }

    static void publish(EmbeddedKafkaKraftBroker broker, RoutedEvents event) {
        publish(broker, event.complaintId().toString(), event.bytes());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /** The messages the SMTP server holds for the given recipient. */
    static List<MimeMessage> mailTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> recipients(message).contains(address))
                .toList();
    }

    static List<String> recipients(MimeMessage message) {
        try {
            var all = message.getRecipients(Message.RecipientType.TO);
            return all == null ? List.of() : Arrays.stream(all).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage message, String type) {
        try {
            MimeMultipart multipart = (MimeMultipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + type + " part");
    }
}
