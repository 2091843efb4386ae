package org.hotline.notification.dispatch.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.hotline.notification.dispatch.application.DeliveryException;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.QueuedMessage;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP through Jakarta Mail, with the host, port, credentials and STARTTLS settings of {@code spring.mail.*}.
 * One connection per batch. A 5xx reply is permanent; 4xx replies, refused connections, timeouts and broken
 * connections are transient.
 */
final class SmtpMailGateway implements MailGateway {

    private final JavaMailSenderImpl settings;

    SmtpMailGateway(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    @Override
    public Session open() {
        try {
            Transport transport = settings.getSession().getTransport(settings.getProtocol());
            transport.connect(settings.getHost(), settings.getPort(), blankToNull(settings.getUsername()),
                    blankToNull(settings.getPassword()));
            return new SmtpSession(transport);
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    /** An empty user name means no authentication, as in Spring's own sender; Angus would try and fail. */
    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private final class SmtpSession implements Session {

        private final Transport transport;

        SmtpSession(Transport transport) {
            this.transport = transport;
        }

        @Override
        public void send(QueuedMessage message) {
            try {
                MimeMessage mime = new MimeMessage(settings.getSession(), new ByteArrayInputStream(message.mime()));
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                throw classify(e);
            }
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The messages are sent and recorded; a failed QUIT changes nothing.
            }
        }
    }

    static DeliveryException classify(MessagingException failure) {
        if (failure instanceof AuthenticationFailedException) {
            return new DeliveryException(FailureClass.TRANSIENT, "SMTP authentication failed", failure);
        }
        Throwable current = failure;
        while (current != null) {
            int code = replyCode(current);
            if (code >= 500) {
                return new DeliveryException(FailureClass.REJECTED, "SMTP " + code + ": " + current.getMessage(),
                        failure);
            }
            if (code >= 400) {
                return new DeliveryException(FailureClass.TRANSIENT, "SMTP " + code + ": " + current.getMessage(),
                        failure);
            }
            current = next(current);
        }
        return new DeliveryException(FailureClass.TRANSIENT, String.valueOf(failure.getMessage()), failure);
    }

    private static int replyCode(Throwable failure) {
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        if (failure instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }

    private static @Nullable Throwable next(Throwable failure) {
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != failure) {
            return messaging.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
