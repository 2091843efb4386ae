package org.hotline.notification.dispatch.mail;

/**
 * Names Jakarta Mail's stream provider for this JVM. Jakarta Mail 2.1 looks the provider up again for every header
 * block, body part and encoder it makes, and with no name given that lookup is a {@code ServiceLoader} scan of every
 * jar on the class path (jakartaee/mail-api#861, open): in the notification benchmark it was 40 % of the sender
 * threads' CPU, and more in a packaged jar, whose nested jars are scanned one by one. With the name set the lookup is
 * a class already loaded. The name is Angus Mail's own provider, the one the scan finds; a name set by the operator
 * ({@code -Djakarta.mail.util.StreamProvider=...}) is kept.
 */
final class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {
    }

    static void nameUnlessNamed() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }
}
