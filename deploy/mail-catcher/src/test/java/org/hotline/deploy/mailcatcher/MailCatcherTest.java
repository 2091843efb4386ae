package org.hotline.deploy.mailcatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailCatcherTest {

    @Test
    void keepsEveryMessageAsAnEmlFileAndListsItOverHttp(@TempDir Path folder) throws Exception {
        try (MailCatcher catcher = new MailCatcher("127.0.0.1", 0, 0, folder)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(smtp));
            message.setFrom(new InternetAddress("hotline@example.org"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("kz-39-police@example.org"));
            message.setSubject("Жалоба HL-7F3K-9QX2-ABCD <b>", "UTF-8");
            message.setText("Жалоба HL-AAAA-BBBB-CCCC передана. Подтвердите получение: "
                    + "http://localhost:8086/ack/djEKdmVj.xrGD_Tyu-Ds\n", "UTF-8", "plain");
            message.setHeader("Content-Transfer-Encoding", "base64");
            Instant beforeSending = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Transport.send(message);
            Instant afterSending = Instant.now();
            String firstMessageId = message.getMessageID();

            await().atMost(Duration.ofSeconds(10)).until(() -> catcher.messages().size() == 1);
            for (String other : new String[] {"z-last@example.org", "a-first@example.org", "m-middle@example.org"}) {
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(other));
                message.setSubject("to " + other);
                Transport.send(message);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> catcher.messages().size() == 4);
            // Their content is on disk and in the listing only: every copy went to GreenMail's one inbox, not an
            // inbox per recipient, and that inbox is emptied every second.
            assertThat(catcher.accounts()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> catcher.held() == 0);
            assertThat(catcher.messages()).extracting(MailCatcher.Stored::to).containsExactly(
                    List.of("kz-39-police@example.org"), List.of("z-last@example.org"),
                    List.of("a-first@example.org"), List.of("m-middle@example.org"));

            Path eml = folder.resolve("00001.eml");
            assertThat(Files.readString(eml)).contains("kz-39-police@example.org");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + catcher.httpPort();
            String listing = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listing).contains("\"to\":[\"kz-39-police@example.org\"]")
                    .contains("\"subject\":\"Жалоба HL-7F3K-9QX2-ABCD <b>\"")
                    .contains("\"references\":[\"HL-7F3K-9QX2-ABCD\",\"HL-AAAA-BBBB-CCCC\"]")
                    .contains("\"acknowledgementLinks\":[\"http://localhost:8086/ack/djEKdmVj.xrGD_Tyu-Ds\"]");
            String tsv = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages.tsv")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(tsv).startsWith("1\tkz-39-police@example.org\tHL-7F3K-9QX2-ABCD,HL-AAAA-BBBB-CCCC\t"
                    + "Жалоба HL-7F3K-9QX2-ABCD <b>\t" + firstMessageId + "\t").contains("\n2\tz-last@example.org\t");
            String[] first = tsv.lines().findFirst().orElseThrow().split("\t", -1);
            Instant firstReceived = Instant.parse(first[5]);
            assertThat(first[6]).isEqualTo("http://localhost:8086/ack/djEKdmVj.xrGD_Tyu-Ds");
            assertThat(firstReceived).isBetween(beforeSending, afterSending);
            String count = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages/count")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(count).isEqualTo("4");
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("HL-7F3K-9QX2-ABCD &lt;b&gt;").doesNotContain("ABCD <b>");
        }
    }

    @Test
    void deleteEmptiesTheListingAndTheFilesAndNumbersFromOneAgain(@TempDir Path folder) throws Exception {
        try (MailCatcher catcher = new MailCatcher("127.0.0.1", 0, 0, folder)) {
            // given two messages received
            send(catcher, "first@example.org", "HL-AAAA-BBBB-0001");
            send(catcher, "second@example.org", "HL-AAAA-BBBB-0002");
            await().atMost(Duration.ofSeconds(10)).until(() -> catcher.messages().size() == 2);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + catcher.httpPort();

            // when the mailbox is emptied over HTTP, then a third message arrives
            HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(catcher.messages()).isEmpty();
            assertThat(folder.resolve("00002.eml")).doesNotExist();
            send(catcher, "third@example.org", "HL-AAAA-BBBB-0003");
            await().atMost(Duration.ofSeconds(10)).until(() -> catcher.messages().size() == 1);

            // then it said how many it held, and the third is number 1 in a listing of its own
            assertThat(cleared.statusCode()).isEqualTo(200);
            assertThat(cleared.body()).isEqualTo("2");
            assertThat(catcher.messages()).extracting(MailCatcher.Stored::number, MailCatcher.Stored::references)
                    .containsExactly(Tuple.tuple(1, List.of("HL-AAAA-BBBB-0003")));
            assertThat(Files.readString(folder.resolve("00001.eml"))).contains("third@example.org");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/messages/count")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("1");
        }
    }

    private static void send(MailCatcher catcher, String to, String reference) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(catcher.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("hotline@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Complaint " + reference, "UTF-8");
        message.setText("Complaint " + reference + " forwarded.", "UTF-8", "plain");
        Transport.send(message);
    }
}
