package org.hotline.notification.acknowledgement.config;

import java.util.Set;
import org.hotline.devkeys.PublishedDevelopmentKeys;
import org.springframework.core.env.Environment;

/**
 * Refuses the acknowledgement-link key published in {@code application-dev.yml} outside the {@code dev} profile,
 * as the sealing keys are refused. The case service checks the links with the same key, so whoever reads it in
 * the repository or a jar can make a link that confirms receipt of any complaint on any body's behalf. Only the
 * SHA-256 digest of the decoded key is kept here, so that this class does not publish the key a second time (and
 * goes on refusing it once application-dev.yml changes; {@code DevelopmentLinkKeysTest} checks that the file's
 * keys are known here).
 */
final class DevelopmentLinkKeys {

    /** Digest of the decoded dev link key ({@code dev-ack-1}, application-dev.yml of case and notification). */
    private static final PublishedDevelopmentKeys KEYS = new PublishedDevelopmentKeys(Set.of(
            "2e372b10f1accb33c18e75bf69c5e8de09e771ecb5a0a7ad20b4820c2e4f494e"),
            "anyone can make a link that confirms receipt of any complaint on a body's behalf",
            "Set a value of your own (openssl rand -base64 32), the same on this service and the case "
                    + "service, from the environment or a secret store, or run with the dev profile on a laptop.");

    private DevelopmentLinkKeys() {
    }

    static boolean isDevelopmentKey(byte[] key) {
        return KEYS.contains(key);
    }

    /**
     * @param setting the property that holds the key, named in the failure; the key itself never is
     * @throws IllegalStateException when the key is a development key and the {@code dev} profile is not active
     */
    static void refuseOutsideDev(String setting, byte[] key, Environment environment) {
        KEYS.refuseOutsideDev(setting, key, environment);
    }
}
