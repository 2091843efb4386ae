package org.hotline.systemtest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * The benchmark's baseline for notification: plain Jakarta Mail, one open SMTP connection per thread, sending
 * ready-made messages of a given size as fast as the server takes them. No Kafka, no ledger, no templates: what is
 * left of notification's time is the SMTP server's.
 */
final class PlainSmtpSender {

    private final String host;
    private final int port;

    PlainSmtpSender(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends {@code messages} messages of about {@code bytes} bytes each (text and HTML alternatives, as
     * notification's) over {@code connections} connections, one thread each; returns how long it took, from
     * the first connect to the server's answer to the last message.
     */
    Duration send(int messages, int bytes, int connections) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        // Nagle's algorithm off, as notification has it: otherwise every message waits about 40 ms for the
        // server's delayed acknowledgement and the baseline measures that, not the server.
        properties.put("mail.smtp.socketFactory", new NoDelaySockets());
        // Jakarta Mail's stream provider named, as notification names it: otherwise every message part is a scan
        // of the class path for it (jakartaee/mail-api#861) and the baseline measures that.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Session session = Session.getInstance(properties);
        String body = "x".repeat(Math.max(1, bytes / 2 - 200)).replaceAll("(.{76})", "$1\n");
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        try {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                senders.add(CompletableFuture.runAsync(() -> sendOver(session, next, messages, body), threads));
            }
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void sendOver(Session session, AtomicInteger next, int messages, String body) {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                MimeMessage message = message(session, i, body);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("the plain Jakarta Mail baseline failed", e);
        }
    }

    /** Recipients spread over 500 mailboxes, as notification's spread over authorities and complainants. */
    private static MimeMessage message(Session session, int i, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("baseline@hotline.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("baseline-" + (i % 500)
                + "@bench.example"));
        message.setSubject("Baseline message " + i, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>" + body + "</p></body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    /** Plain sockets with TCP_NODELAY, made the two ways Jakarta Mail asks for them. */
    private static final class NoDelaySockets extends SocketFactory {

        @Override
        public Socket createSocket() throws SocketException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket socket) throws SocketException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
