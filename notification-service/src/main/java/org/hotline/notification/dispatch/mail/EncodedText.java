package org.hotline.notification.dispatch.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A text of an email (its plain-text or HTML body) encoded for MIME once, here, and handed to Jakarta Mail as
 * bytes it copies as they are.
 *
 * <p>Given the text as a string ({@code MimeBodyPart.setText}), Jakarta Mail 2.1 goes over its bytes twice per
 * message, one byte at a time: once as {@code saveChanges()} reads the whole text to choose a transfer encoding,
 * once as {@code writeTo} encodes it, through Angus Mail's text handler, whose stream passes each byte on by
 * itself. With three texts in a message (four with the dossier's attachment) that was 39 % of the Java samples of a
 * profile of the service at 30 complaints/s on the local stack, and about a tenth of its CPU per email in the system
 * benchmark's burst (system-tests/benchmarks/results.md). Here the text becomes UTF-8 bytes once, and base64
 * with the JDK's encoder; a text of short-lined ASCII is sent as it is ({@code 7bit}), as Jakarta Mail sends one.
 * Mostly-ASCII texts that Jakarta Mail would send quoted-printable go as base64: a mail client decodes both alike.
 *
 * @param subtype the text's MIME subtype, {@code plain} or {@code html}
 * @param transferEncoding {@code 7bit} or {@code base64}
 * @param content the encoded text, as it goes on the wire
 */
record EncodedText(String subtype, String transferEncoding, byte[] content) {

    /** RFC 5322's limit on a line, without its CRLF; a longer line cannot go as 7bit. */
    private static final int LINE_LIMIT = 998;

    static EncodedText of(String text, String subtype) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (isShortLinedAscii(utf8)) {
            return new EncodedText(subtype, "7bit", utf8);
        }
        return new EncodedText(subtype, "base64", Base64.getMimeEncoder().encode(utf8));
    }

    /** A new body part of this text, its headers saying how it is encoded, so that Jakarta Mail leaves it be. */
    MimeBodyPart part() throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", transferEncoding);
        return new MimeBodyPart(headers, content);
    }

    private static boolean isShortLinedAscii(byte[] bytes) {
        int lineLength = 0;
        for (byte b : bytes) {
            if (b <= 0 || b == '\r') {
                return false;
            }
            lineLength = b == '\n' ? 0 : lineLength + 1;
            if (lineLength > LINE_LIMIT) {
                return false;
            }
        }
        return true;
    }
}
