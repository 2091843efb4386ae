package org.hotline.notification.dispatch.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EncodedTextTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void sendsCyrillicAsBase64InLinesOfSeventySixThatAMailReaderDecodesToTheSameText() throws Exception {
        // given
        String text = "Обращение HL-7F3K-9QX2-ABCD.\nПодтвердите получение не позднее 27 ноября 2026.\n"
                + "Өтініштің алынғанын растаңыз. ".repeat(20) + "\n";

        // when
        EncodedText encoded = EncodedText.of(text, "plain");
        String wire = writtenAndParsed(encoded);

        // then
        assertThat(encoded.transferEncoding()).isEqualTo("base64");
        assertThat(new String(encoded.content(), StandardCharsets.US_ASCII).split("\r\n"))
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(76).matches("[A-Za-z0-9+/=]+"));
        assertThat(wire).isEqualTo(text);
    }

    @Test
    void sendsShortLinedAsciiAsItIs() throws Exception {
        // given
        String text = "Complaint HL-7F3K-9QX2-ABCD.\nConfirm receipt: https://cases.ngo.example/ack/abc\n";

        // when
        EncodedText encoded = EncodedText.of(text, "html");

        // then
        assertThat(encoded.transferEncoding()).isEqualTo("7bit");
        assertThat(encoded.content()).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(writtenAndParsed(encoded)).isEqualTo(text);
        assertThat(encoded.part().getContentType()).isEqualTo("text/html; charset=UTF-8");
    }

    @Test
    void encodesAsciiWhoseLineIsTooLongForSmtpOrThatHasACarriageReturn() throws Exception {
        // given
        char[] line = new char[999];
        Arrays.fill(line, 'a');
        String tooLong = "short\n" + new String(line) + "\n";
        String withReturn = "one\rtwo\n";

        // when
        EncodedText longLine = EncodedText.of(tooLong, "plain");
        EncodedText carriageReturn = EncodedText.of(withReturn, "plain");

        // then
        assertThat(longLine.transferEncoding()).isEqualTo("base64");
        assertThat(writtenAndParsed(longLine)).isEqualTo(tooLong);
        assertThat(carriageReturn.transferEncoding()).isEqualTo("base64");
        assertThat(writtenAndParsed(carriageReturn)).isEqualTo(withReturn);
        assertThat(EncodedText.of(tooLong.substring(0, tooLong.length() - 2), "plain").transferEncoding())
                .as("a line of 998 characters still goes as it is").isEqualTo("7bit");
    }

    /** The text as a mail reader gets it: the part in a message written by Jakarta Mail, parsed and decoded. */
    private static String writtenAndParsed(EncodedText encoded) throws Exception {
        MimeMessage message = new MimeMessage(SESSION);
        MimeMultipart multipart = new MimeMultipart("alternative");
        multipart.addBodyPart(encoded.part());
        message.setContent(multipart);
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(bytes.toByteArray()));
        MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) parsed.getContent()).getBodyPart(0);
        assertThat(part.getEncoding()).isEqualTo(encoded.transferEncoding());
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
