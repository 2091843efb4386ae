package org.hotline.notification.dispatch.application;

/** The SMTP server. One session sends a batch of messages over one connection. */
public interface MailGateway {

    /** @throws DeliveryException when the server cannot be reached or refuses the session */
    Session open();

    /** An open connection to the server. */
    interface Session extends AutoCloseable {

        /**
         * Sends one message; returns once the server has accepted it.
         *
         * @throws DeliveryException when it did not accept it, transiently or for good
         */
        void send(QueuedMessage message);

        @Override
        void close();
    }
}
