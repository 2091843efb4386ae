package org.hotline.notification.dispatch.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.notification.acknowledgement.domain.AcknowledgementLinks;
import org.hotline.notification.dispatch.application.MailRenderer;
import org.hotline.notification.dispatch.application.NotificationMetrics;
import org.hotline.notification.dispatch.application.UndeliverableMessageException;
import org.hotline.notification.dispatch.domain.LadderPlanner;
import org.hotline.notification.dispatch.domain.Language;
import org.hotline.notification.dispatch.domain.PlannedMessage;
import org.hotline.notification.dispatch.domain.RecipientType;
import org.hotline.notification.dispatch.domain.SafeText;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders planned messages with Thymeleaf into MIME: {@code multipart/alternative} with a plain-text part and
 * an HTML part. HTML templates insert values with {@code th:text}, which escapes them; the subject is
 * reduced to one line and RFC 2047-encoded; the texts are encoded once, here ({@link EncodedText}); addresses
 * with anything beyond one plain address are refused. The Message-ID is the planned deterministic id, never one
 * Jakarta Mail makes up.
 *
 * <p>Every message to a body gets its acknowledgement link as {@code acknowledgementLink}, signed here, when the
 * message is rendered for sending: it is not planned with the message, so it never waits in memory or reaches the
 * ledger, and its validity runs from the send. Messages to the complainant and the caseworkers never get one.
 *
 * <p>The dossier is also a document of its own: its HTML goes a second time as an attachment,
 * {@code dossier-<reference>.html} ({@code multipart/mixed} around the alternative), a file a caseworker saves and
 * a lawyer attaches to a complaint to a court or to the CEDAW Committee, or prints to PDF from any browser.
 */
final class ThymeleafMailRenderer implements MailRenderer {

    private static final int SUBJECT_LIMIT = 250;
    /** Templates whose HTML is also attached as a document, by the name the file starts with. */
    private static final Map<String, String> DOCUMENTS = Map.of(LadderPlanner.CASEWORKER_DOSSIER, "dossier");

    private final TemplateEngine engine;
    private final TemplateCatalogue catalogue;
    private final InternetAddress from;
    private final NotificationMetrics metrics;
    private final Session session;
    private final Clock clock;
    private final AcknowledgementLinks links;

    ThymeleafMailRenderer(@Nullable Path templateDirectory, String fromAddress, NotificationMetrics metrics,
            Session session, Clock clock, AcknowledgementLinks links) {
        MailStreamProvider.nameUnlessNamed();
        this.links = links;
        this.catalogue = new TemplateCatalogue(templateDirectory);
        this.engine = engine(templateDirectory);
        this.from = address(fromAddress);
        this.metrics = metrics;
        this.session = session;
        this.clock = clock;
    }

    @Override
    public byte[] render(PlannedMessage planned) {
        InternetAddress to = address(planned.to());
        Language language = catalogue.languageFor(planned.template(), planned.language());
        if (language != planned.language()) {
            metrics.templateFallback(planned.template(), planned.language(), language);
        }
        Context context = new Context(Locale.forLanguageTag(language.code()), planned.model());
        String authorityId = planned.authorityId();
        if (planned.recipientType() == RecipientType.AUTHORITY && authorityId != null) {
            context.setVariable("acknowledgementLink",
                    links.acknowledge(planned.complaintId(), planned.reference(), authorityId).orElse(null));
        }
        String base = planned.template() + "/" + language.code();
        String subject = SafeText.line(engine.process(base + ".subject.txt", context), SUBJECT_LIMIT);
        String text = engine.process(base + ".txt", context);
        String html = engine.process(base + ".html", context);
        try {
            MimeMessage message = new FixedIdMimeMessage(session, "<" + planned.messageId() + ">");
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Content-Language", language.code());
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart alternative = new MimeMultipart("alternative");
            EncodedText rich = EncodedText.of(html, "html");
            alternative.addBodyPart(EncodedText.of(text, "plain").part());
            alternative.addBodyPart(rich.part());
            String document = DOCUMENTS.get(planned.template());
            if (document == null) {
                message.setContent(alternative);
            } else {
                message.setContent(withAttachment(alternative, rich, document + "-"
                        + planned.reference().replaceAll("[^A-Za-z0-9-]", "_") + ".html"));
            }
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not build message " + planned.messageId(), e);
        }
    }

    private static MimeMultipart withAttachment(MimeMultipart alternative, EncodedText html, String fileName)
            throws MessagingException {
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart file = html.part();
        file.setDisposition(Part.ATTACHMENT);
        file.setFileName(fileName);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(file);
        return mixed;
    }

    /** One plain address, nothing else: no display name, no list, no group, no line break. */
    static InternetAddress address(String value) {
        if (value.isBlank() || SafeText.hasUnsafeCharacters(value) || value.contains(",") || value.contains(";")
                || value.contains("<") || value.contains(":") || value.length() > 254) {
            throw new UndeliverableMessageException("the address is not one plain email address");
        }
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (address.isGroup() || address.getPersonal() != null || !address.getAddress().equals(value.strip())) {
                throw new UndeliverableMessageException("the address is not one plain email address");
            }
            return address;
        } catch (AddressException e) {
            throw new UndeliverableMessageException("the address is malformed: " + e.getMessage());
        }
    }

    private static TemplateEngine engine(@Nullable Path directory) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        int order = 1;
        if (directory != null) {
            for (TemplateMode mode : Set.of(TemplateMode.HTML, TemplateMode.TEXT)) {
                FileTemplateResolver resolver = new FileTemplateResolver();
                resolver.setPrefix(directory.toAbsolutePath() + "/");
                // Edited files are picked up within a minute, without a restart.
                resolver.setCacheTTLMs(TemplateCatalogue.DIRECTORY_REFRESH.toMillis());
                engine.addTemplateResolver(configure(resolver, mode, order++));
            }
        }
        for (TemplateMode mode : Set.of(TemplateMode.HTML, TemplateMode.TEXT)) {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix(TemplateCatalogue.CLASSPATH_ROOT);
            engine.addTemplateResolver(configure(resolver, mode, order++));
        }
        return engine;
    }

    private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver resolver,
            TemplateMode mode, int order) {
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(mode == TemplateMode.HTML ? "*.html" : "*.txt"));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A message whose Message-ID is the one given, kept through {@code saveChanges()}. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
