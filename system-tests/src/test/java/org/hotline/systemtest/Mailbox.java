package org.hotline.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the SMTP server received, from the mail catcher's listing. */
final class Mailbox {

    /**
     * One delivered message: its recipients' addresses, the complaint references it names, its Message-ID and
     * when the SMTP server received it.
     */
    record Delivered(List<String> to, List<String> references, String messageId, Instant receivedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI listing;

    Mailbox(URI mailbox) {
        this.listing = mailbox.resolve("/api/messages.tsv");
    }

    List<Delivered> messages() {
        try {
            String tsv = http.send(HttpRequest.newBuilder(listing).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return tsv.lines().filter(line -> !line.isBlank()).map(Mailbox::parse).toList();
        } catch (IOException e) {
            throw new IllegalStateException("the mailbox did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** When the SMTP server took the last email naming each reference. */
    Map<String, Instant> lastByReference() {
        return lastByReference(messages());
    }

    /** The same, of these messages. */
    static Map<String, Instant> lastByReference(List<Delivered> messages) {
        Map<String, Instant> last = new HashMap<>();
        for (Delivered message : messages) {
            for (String reference : message.references()) {
                last.merge(reference, message.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return last;
    }

    private static Delivered parse(String line) {
        String[] columns = line.split("\t", -1);
        return new Delivered(split(columns[1]).stream().map(Mailbox::address).toList(), split(columns[2]),
                columns[4].replaceAll("^<|>$", ""), Instant.parse(columns[5]));
    }

    private static List<String> split(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.split(","));
    }

    /** {@code Name <a@b>} or {@code a@b}, as a lower-case bare address. */
    static String address(String recipient) {
        int open = recipient.lastIndexOf('<');
        String bare = open >= 0 ? recipient.substring(open + 1, recipient.lastIndexOf('>')) : recipient;
        return bare.strip().toLowerCase(Locale.ROOT);
    }
}
