package org.hotline.notification.dispatch.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.acknowledgement.domain.LinkSigner;
import org.hotline.notification.dispatch.domain.ComplainantMode;
import org.hotline.notification.dispatch.domain.Complaints;
import org.hotline.notification.dispatch.domain.MessagePlanner;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.support.RecordingMetrics;
import org.hotline.testsupport.MicroBenchmark;
import org.hotline.testsupport.MicroBenchmark.Case;

/**
 * What rendering one email costs the notification service's sender, in CPU time on one thread: the MIME of a
 * Russian authority notice (its plain text and HTML as the templates made them) built and written by Jakarta Mail
 * from the texts ({@code setText}, as the renderer did before {@link EncodedText}: the floor of this run, so that
 * runs on a noisy machine compare as multiples of it), the same MIME from {@link EncodedText}, and the renderer's
 * whole work on the notice (its three templates, the acknowledgement link, the MIME).
 *
 * <p>Not a test: run with {@code benchmarks/run-rendering-benchmark.sh}; settings as {@link MicroBenchmark}.
 */
public final class RenderingBenchmark {

    private static final Session SESSION = Session.getInstance(new Properties());

    private RenderingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Instant now = Instant.parse("2026-12-01T06:00:00Z");
        LinkSigner signer = new LinkSigner("k1",
                Map.of("k1", "a key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8)));
        AcknowledgementLinks links = new AcknowledgementLinks(signer, "https://cases.ngo.example",
                Duration.ofDays(60), Clock.fixed(now, ZoneOffset.UTC));
        ThymeleafMailRenderer renderer = new ThymeleafMailRenderer(null, "notifications@ngo.example",
                new RecordingMetrics(), SESSION, Clock.systemUTC(), links);
        PlannedMessage notice = new MessagePlanner(Complaints.NGO, Complaints.PLACES, "notification.bench")
                .plan(Complaints.complaint(ComplainantMode.CONFIDENTIAL, Complaints.aigerim(false),
                        Complaints.antiCorruption(), Complaints.labourInspection())).get(0);
        byte[] rendered = renderer.render(notice);
        MimeMessage parsed = ThymeleafMailRendererTest.parse(rendered);
        String text = ThymeleafMailRendererTest.part(parsed, "text/plain");
        String html = ThymeleafMailRendererTest.part(parsed, "text/html");
        MicroBenchmark.run(List.of(
                new Case("MIME by Jakarta Mail from the texts (setText, as before)", unchecked(() -> written(
                        jakartaEncoded(text, "plain"), jakartaEncoded(html, "html")))),
                new Case("MIME from EncodedText", unchecked(() -> written(
                        EncodedText.of(text, "plain").part(), EncodedText.of(html, "html").part()))),
                new Case("ThymeleafMailRenderer.render (templates and MIME)", () -> renderer.render(notice))),
                "email", "A Russian authority notice of %d bytes (text %d characters, HTML %d)"
                        .formatted(rendered.length, text.length(), html.length()));
    }

    private static Supplier<Object> unchecked(Callable<Object> call) {
        return () -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static MimeBodyPart jakartaEncoded(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        return part;
    }

    /** The message as the renderer writes it: both texts in a multipart/alternative, headers updated. */
    private static byte[] written(MimeBodyPart plain, MimeBodyPart html) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION);
        message.setSubject("Обращение HL-7F3K-9QX2-ABCD", "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }
}
