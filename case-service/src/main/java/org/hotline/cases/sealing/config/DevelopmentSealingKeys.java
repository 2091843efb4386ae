package org.hotline.cases.sealing.config;

import java.util.Set;
import org.hotline.devkeys.PublishedDevelopmentKeys;
import org.springframework.core.env.Environment;

/**
 * Refuses the sealing key published in {@code application-dev.yml} outside the {@code dev} profile, as intake and
 * notification do: the same public key seals on intake's dev profile, and with it anyone who reads the repository
 * or a jar opens every sealed value. Only the SHA-256 digest of the decoded key is kept here, so that this class
 * does not publish the key a second time ({@code DevelopmentSealingKeysTest} checks that the file's keys are known
 * here).
 */
final class DevelopmentSealingKeys {

    /** Digest of the decoded dev sealing key ({@code dev-1}, application-dev.yml of intake, notification, case). */
    private static final PublishedDevelopmentKeys KEYS = new PublishedDevelopmentKeys(Set.of(
            "dff206facbfe11b9d36550aa1c0be4d12bbdedecd63b42dd4b8494510bc240a3"),
            "anyone can open the sealed fields",
            "Set the keys of your own that intake seals with (hotline.sealing.keys.<id>) from the environment "
                    + "or a secret store, or run with the dev profile on a laptop.");

    private DevelopmentSealingKeys() {
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
