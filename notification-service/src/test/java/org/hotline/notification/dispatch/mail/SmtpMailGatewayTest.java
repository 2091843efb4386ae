package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.net.SocketFactory;
import org.hotline.notification.dispatch.application.DeliveryException;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.QueuedMessage;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How a connection that stops answering is classified, against an SMTP server on a real socket that goes silent
 * at a chosen command: silence before the message data is a plain transient failure, silence after it is doubt.
 */
class SmtpMailGatewayTest {

    private static final byte[] MIME = ("From: notifications@ngo.example\r\nTo: kz-39-police@example.org\r\n"
            + "Message-ID: <m-1@notification.test>\r\nSubject: test\r\n\r\nbody\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aServerThatTookTheMessageDataButNeverAnsweredLeavesTheSendInDoubt() throws Exception {
        try (SilentServer server = new SilentServer(".")) {
            DeliveryException failure = sendThrough(server);

            assertThat(failure.failure()).isEqualTo(FailureClass.IN_DOUBT);
        }
    }

    @Test
    void aServerThatStopsAnsweringBeforeTheMessageDataIsATransientFailure() throws Exception {
        try (SilentServer server = new SilentServer("RCPT")) {
            DeliveryException failure = sendThrough(server);

            assertThat(failure.failure()).isEqualTo(FailureClass.TRANSIENT);
        }
    }

    @Test
    void aMessageAfterAConnectionLostInTheSameBatchIsATransientFailure() throws Exception {
        try (SilentServer server = new SilentServer("RCPT")) {
            MailGateway.Session session = open(server);
            catchThrowableOfType(DeliveryException.class, () -> session.send(message()));

            DeliveryException next = catchThrowableOfType(DeliveryException.class, () -> session.send(message()));

            assertThat(next.failure()).isEqualTo(FailureClass.TRANSIENT);
        }
    }

    @Test
    void connectionsGoOutWithNaglesAlgorithmOff() throws Exception {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        SocketFactory factory = (SocketFactory) new SmtpMailGateway(settings).session().getProperties()
                .get("mail.smtp.socketFactory");

        try (Socket socket = factory.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    private static DeliveryException sendThrough(SilentServer server) {
        MailGateway.Session session = open(server);
        return catchThrowableOfType(DeliveryException.class, () -> session.send(message()));
    }

    private static QueuedMessage message() {
        return new QueuedMessage("m-1@notification.test", UUID.randomUUID(), "HL-AAAA-BBBB-CCCC",
                Instant.now(), RecipientType.AUTHORITY, "kz-39-police", "authority-notice", Language.RU, MIME);
    }

    private static MailGateway.Session open(SilentServer server) {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        settings.setPort(server.port());
        Properties properties = new Properties();
        properties.put("mail.smtp.timeout", "500");
        properties.put("mail.smtp.connectiontimeout", "500");
        settings.setJavaMailProperties(properties);
        return new SmtpMailGateway(settings).open();
    }

    /** Speaks just enough SMTP for one message, then says nothing more once it sees the chosen command. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Thread thread;

        SilentServer(String silentAfter) throws IOException {
            thread = new Thread(() -> serve(silentAfter), "silent-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(String silentAfter) {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                reply(out, "220 silent.test ESMTP");
                boolean inData = false;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (inData && !line.equals(".")) {
                        continue;
                    }
                    if (line.startsWith(silentAfter)) {
                        closed.await();
                        return;
                    }
                    inData = false;
                    if (line.startsWith("DATA")) {
                        inData = true;
                        reply(out, "354 go ahead");
                    } else {
                        reply(out, "250 ok");
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            socket.close();
        }
    }
}
