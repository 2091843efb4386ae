package org.hotline.deploy.mailcatcher;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The local stack's mailbox: an SMTP server that accepts every message for every address, keeps it, writes it
 * as an {@code .eml} file, and shows the lot over HTTP ({@code /} as a page, {@code /api/messages} as JSON,
 * {@code /messages/<n>.eml} raw, {@code /health}); {@code DELETE /api/messages} empties it. The listing is in
 * memory, each message's content on local disk; it is a development tool, never a relay.
 */
public final class MailCatcher implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer http;
    private final Path folder;
    private final GreenMailUser sink;
    private final List<Stored> stored = new ArrayList<>();
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-catcher-purger");
        thread.setDaemon(true);
        return thread;
    });

    /** What the mailbox shows of a message; {@code references} are the complaint references it mentions. */
    /**
     * @param references the complaint references (HL-...) in the subject and text
     * @param acknowledgementLinks the case service's acknowledgement links (.../ack/&lt;token&gt;) in the text, so that
     *     a person or a script can play the body that confirms receipt
     */
    record Stored(int number, String messageId, String from, List<String> to, String subject, Instant receivedAt,
            Path file, List<String> references, List<String> acknowledgementLinks) {
    }

    /** The one GreenMail account every copy is delivered to (and purged from); its address is never used. */
    private static final String SINK = "mailbox@mail-catcher.invalid";
    private static final Pattern REFERENCE = Pattern.compile("HL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    private static final Pattern ACKNOWLEDGEMENT_LINK = Pattern.compile("https?://[^\\s\"'<>]+/ack/[A-Za-z0-9_.-]+");

    public MailCatcher(String host, int smtpPort, int httpPort, Path folder) throws IOException {
        // GreenMail parses every message it takes with Jakarta Mail, which without this name looks its stream
        // provider up with a scan of the whole class path for every header block and body part
        // (jakartaee/mail-api#861): half the catcher's CPU under load. Angus Mail's provider is the one it finds.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        this.folder = Files.createDirectories(folder);
        this.smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        // The handler is in place before the server takes its first message: none may land in an inbox of its own.
        try {
            this.sink = smtp.getUserManager().createUser(SINK, SINK, SINK);
        } catch (UserException e) {
            throw new IllegalStateException("cannot create the mail catcher's inbox", e);
        }
        smtp.getUserManager().setMessageDeliveryHandler(this::deliver);
        this.smtp.start();
        this.http = HttpServer.create(new InetSocketAddress(host, httpPort), 0);
        http.createContext("/health", exchange -> respond(exchange, 200, "text/plain", "UP"));
        http.createContext("/api/messages/count", exchange -> respond(exchange, 200, "text/plain",
                String.valueOf(count())));
        http.createContext("/api/messages.tsv", exchange -> respond(exchange, 200, "text/tab-separated-values; "
                + "charset=utf-8", tsv()));
        http.createContext("/api/messages", exchange -> {
            if ("DELETE".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, "text/plain", String.valueOf(clear()));
            } else {
                respond(exchange, 200, "application/json", json());
            }
        });
        http.createContext("/messages/", this::raw);
        http.createContext("/", exchange -> respond(exchange, 200, "text/html; charset=utf-8", page()));
        http.start();
        purger.scheduleWithFixedDelay(this::purge, 1, 1, TimeUnit.SECONDS);
    }

    /** Copies GreenMail holds, not yet purged (their files and listing are kept). */
    int held() {
        try {
            return smtp.getManagers().getImapHostManager().getInbox(sink).getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail's accounts: only the one every copy is delivered to, whatever the recipients. */
    int accounts() {
        return smtp.getUserManager().listUser().size();
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public static void main(String[] args) throws IOException {
        String host = env("MAIL_CATCHER_HOST", "127.0.0.1");
        int smtpPort = Integer.parseInt(env("MAIL_CATCHER_SMTP_PORT", "2525"));
        int httpPort = Integer.parseInt(env("MAIL_CATCHER_HTTP_PORT", "8025"));
        Path folder = Path.of(env("MAIL_CATCHER_DIR", ".local/mail"));
        MailCatcher catcher = new MailCatcher(host, smtpPort, httpPort, folder);
        Runtime.getRuntime().addShutdownHook(new Thread(catcher::close));
        System.out.printf("mail-catcher: SMTP on %s:%d, mailbox on http://%s:%d/, files in %s%n", host, smtpPort,
                host, httpPort, folder.toAbsolutePath());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    synchronized int count() {
        return stored.size();
    }

    synchronized List<Stored> messages() {
        return List.copyOf(stored);
    }

    /**
     * Empties the mailbox as a restart would, without a cold JVM: the listing, the files, the numbering (the next
     * message is 1 again). A benchmark empties it before each step; a restarted catcher would receive the step's
     * first seconds of mail with code not yet compiled.
     *
     * @return how many messages it held
     */
    synchronized int clear() throws IOException {
        int count = stored.size();
        for (Stored message : stored) {
            Files.deleteIfExists(message.file());
        }
        stored.clear();
        return count;
    }

    /**
     * Stores the copy for {@code recipient} as the SMTP server takes it, then hands it to the one inbox that holds
     * what is not yet purged. GreenMail would otherwise keep every copy in an inbox per recipient, for ever: a
     * benchmark's hundreds of thousands of messages would fill the memory, and finding the new ones would mean
     * looking through every inbox.
     */
    private GreenMailUser deliver(MovingMessage message, MailAddress recipient) {
        store(message.getMessage(), Instant.now());
        return sink;
    }

    /** Empties the inbox that takes every copy: each is stored (file and listing) before it gets there. */
    private void purge() {
        try {
            smtp.getManagers().getImapHostManager().getInbox(sink).deleteAllMessages();
        } catch (FolderException | RuntimeException e) {
            System.err.println("mail-catcher: could not empty the inbox: " + e);
        }
    }

    /** @param receivedAt when the SMTP server took the message */
    private void store(MimeMessage message, Instant receivedAt) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            String text = text(message);
            String messageId = String.valueOf(message.getMessageID());
            String from = addresses(message.getFrom());
            List<String> to = Arrays.stream(orEmpty(message.getAllRecipients())).map(Address::toString).toList();
            String subject = String.valueOf(message.getSubject());
            List<String> references = references(subject + "\n" + text);
            List<String> links = ACKNOWLEDGEMENT_LINK.matcher(text).results().map(MatchResult::group).distinct()
                    .toList();
            // Numbered and written under the listing's lock: numbers follow the listing, also across a clear.
            synchronized (this) {
                int number = stored.size() + 1;
                Path file = folder.resolve(String.format("%05d.eml", number));
                Files.write(file, raw.toByteArray());
                stored.add(new Stored(number, messageId, from, to, subject, receivedAt, file, references, links));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // Still accepted: a message the catcher cannot list must not be refused and sent again.
            System.err.println("mail-catcher: could not store a message: " + e);
        }
    }

    /** The decoded text of every text part, whatever the transfer encoding. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(text(parts.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    private static List<String> references(String text) {
        return REFERENCE.matcher(text).results().map(MatchResult::group).distinct().toList();
    }

    private static Address[] orEmpty(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static String addresses(Address[] addresses) {
        return Arrays.stream(orEmpty(addresses)).map(Address::toString).collect(Collectors.joining(", "));
    }

    private void raw(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/messages/".length());
        Stored message = messages().stream().filter(m -> name.equals(m.file().getFileName().toString()))
                .findFirst().orElse(null);
        if (message == null) {
            respond(exchange, 404, "text/plain", "no such message");
            return;
        }
        respond(exchange, 200, "message/rfc822", Files.readString(message.file(), StandardCharsets.UTF_8));
    }

    private String json() {
        return messages().stream().map(m -> "{\"number\":" + m.number()
                        + ",\"messageId\":" + quote(m.messageId())
                        + ",\"from\":" + quote(m.from())
                        + ",\"to\":[" + m.to().stream().map(MailCatcher::quote).collect(Collectors.joining(",")) + "]"
                        + ",\"subject\":" + quote(m.subject())
                        + ",\"references\":[" + m.references().stream().map(MailCatcher::quote)
                                .collect(Collectors.joining(",")) + "]"
                        + ",\"acknowledgementLinks\":[" + m.acknowledgementLinks().stream().map(MailCatcher::quote)
                                .collect(Collectors.joining(",")) + "]"
                        + ",\"receivedAt\":" + quote(m.receivedAt().toString())
                        + ",\"file\":" + quote(m.file().toAbsolutePath().toString())
                        + ",\"url\":" + quote("/messages/" + m.file().getFileName()) + "}")
                .collect(Collectors.joining(",\n", "[", "]"));
    }

    /**
     * One line per message: number, recipients, references, subject, Message-ID, time received (ISO-8601, UTC),
     * acknowledgement links; for shell scripts without a JSON tool.
     */
    private String tsv() {
        return messages().stream().map(m -> m.number() + "\t" + String.join(",", m.to()) + "\t"
                        + String.join(",", m.references()) + "\t" + m.subject().replaceAll("[\t\r\n]", " ")
                        + "\t" + m.messageId().replaceAll("[\t\r\n]", " ") + "\t" + m.receivedAt() + "\t"
                        + String.join(",", m.acknowledgementLinks()) + "\n")
                .collect(Collectors.joining());
    }

    private String page() {
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Local mailbox</title>"
                + "<style>body{font-family:sans-serif}td,th{padding:4px 8px;text-align:left}</style>"
                + "<h1>Local mailbox</h1><p>Every message sent to the local SMTP server. Refresh to update.</p>"
                + "<table><tr><th>#</th><th>received</th><th>to</th><th>subject</th></tr>");
        for (Stored m : messages()) {
            html.append("<tr><td><a href=\"/messages/").append(m.file().getFileName()).append("\">")
                    .append(m.number()).append("</a></td><td>").append(escape(m.receivedAt().toString()))
                    .append("</td><td>").append(escape(String.join(", ", m.to()))).append("</td><td>")
                    .append(escape(m.subject())).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        purger.shutdownNow();
        http.stop(0);
        smtp.stop();
    }
}
