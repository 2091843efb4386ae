package org.hotline.notification.dispatch.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.hotline.notification.dispatch.application.DeliveryException;
import org.hotline.notification.dispatch.application.MailGateway;
import org.hotline.notification.dispatch.application.QueuedMessage;
import org.hotline.notification.dispatch.domain.FailureClass;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP through Jakarta Mail, with the host, port, credentials and STARTTLS settings of {@code spring.mail.*}.
 * One connection per batch. A 5xx reply is permanent; 4xx replies, refused connections, timeouts and broken
 * connections are transient, except when the connection fails after the server took the message data and before
 * it answered: the server may have the message, so the send is in doubt.
 */
final class SmtpMailGateway implements MailGateway {

    private final JavaMailSenderImpl settings;
    /** Spring's session with Nagle's algorithm off on plain SMTP connections (STARTTLS rides on them). */
    private final jakarta.mail.Session session;

    SmtpMailGateway(JavaMailSenderImpl settings) {
        MailStreamProvider.nameUnlessNamed();
        this.settings = settings;
        Properties properties = new Properties();
        properties.putAll(settings.getSession().getProperties());
        properties.putIfAbsent("mail.smtp.socketFactory", new NoDelaySocketFactory());
        this.session = jakarta.mail.Session.getInstance(properties);
    }

    @Override
    public Session open() {
        try {
            DataAwareTransport transport = new DataAwareTransport(session,
                    settings.getProtocol() == null ? "smtp" : settings.getProtocol());
            transport.connect(settings.getHost(), settings.getPort(), blankToNull(settings.getUsername()),
                    blankToNull(settings.getPassword()));
            return new SmtpSession(transport);
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    /** The session its connections and messages are made in. */
    jakarta.mail.Session session() {
        return session;
    }

    /** An I/O failure anywhere in the chain: Angus has closed the connection. */
    private static boolean brokeTheConnection(MessagingException failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** An empty user name means no authentication, as in Spring's own sender; Angus would try and fail. */
    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private final class SmtpSession implements Session {

        private final DataAwareTransport transport;
        /** Angus closes the connection after an I/O failure; the rest of the batch then waits for the next. */
        private boolean broken;

        SmtpSession(DataAwareTransport transport) {
            this.transport = transport;
        }

        @Override
        public void send(QueuedMessage message) {
            if (broken) {
                // An earlier failure in this batch broke the connection: nothing of this message goes out.
                throw new DeliveryException(FailureClass.TRANSIENT, "the connection to the SMTP server was lost",
                        new IllegalStateException("not connected"));
            }
            try {
                MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(message.mime()));
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                broken = brokeTheConnection(e);
                throw classify(e, transport.awaitingFinalReply());
            } catch (IllegalStateException e) {
                if (transport.isConnected()) {
                    throw e;
                }
                // Angus's "Not connected", raised before it writes anything.
                broken = true;
                throw new DeliveryException(FailureClass.TRANSIENT, "the connection to the SMTP server was lost", e);
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
        return classify(failure, false);
    }

    /**
     * @param afterData the whole message data had gone out and the server's final reply had not come: it may
     *     have the message
     */
    static DeliveryException classify(MessagingException failure, boolean afterData) {
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
        if (afterData) {
            return new DeliveryException(FailureClass.IN_DOUBT, "no reply to the message data: "
                    + failure.getMessage(), failure);
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

    /**
     * Angus's SMTP transport, remembering whether a send failed while ending the message data (the final "."
     * and the server's reply to it). Angus resets its last reply code when a read fails, so the stage has to be
     * noted on the way in.
     */
    static final class DataAwareTransport extends SMTPTransport {

        private boolean awaitingFinalReply;

        DataAwareTransport(jakarta.mail.Session session, String protocol) {
            super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        }

        @Override
        public synchronized void sendMessage(jakarta.mail.Message message, jakarta.mail.Address[] addresses)
                throws MessagingException {
            awaitingFinalReply = false;
            super.sendMessage(message, addresses);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            awaitingFinalReply = true;
            super.finishData();
            awaitingFinalReply = false;
        }

        boolean awaitingFinalReply() {
            return awaitingFinalReply;
        }
    }
}
