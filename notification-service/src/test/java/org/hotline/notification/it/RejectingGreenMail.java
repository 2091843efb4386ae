package org.hotline.notification.it;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/**
 * A real GreenMail SMTP server that answers {@code 550} to RCPT TO for every mailbox whose local part starts with
 * {@code reject}, as a server does for an address that does not exist. Everything else is delivered.
 */
final class RejectingGreenMail extends GreenMail {

    RejectingGreenMail(int port) {
        super(setup(port));
    }

    private static ServerSetup setup(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        return setup;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers given) {
        if (!(managers instanceof RejectingManagers)) {
            managers = new RejectingManagers();
        }
        return super.createServices(config, managers);
    }

    private static final class RejectingManagers extends Managers {

        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                if (address.getUser().startsWith("reject")) {
                    return "550 5.1.1 <" + address.getEmail() + ">: mailbox unavailable";
                }
                return super.checkRecipient(state, address);
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
