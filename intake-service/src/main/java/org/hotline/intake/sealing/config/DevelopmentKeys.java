package org.hotline.intake.sealing.config;

import java.util.Set;
import org.hotline.devkeys.PublishedDevelopmentKeys;
import org.springframework.core.env.Environment;

/**
 * Refuses the keys published in {@code application-dev.yml} outside the {@code dev} profile. Anyone can read
 * them in the repository and in every jar, so with them every sealed record opens and every reference and
 * tracking code can be recomputed from the public complaint id. Only SHA-256 digests of the decoded keys are
 * kept here, so that this class does not publish the keys a second time (and goes on refusing them once
 * application-dev.yml changes; {@code DevelopmentKeysTest} checks that the file's keys are all known here).
 */
public final class DevelopmentKeys {

    /** Digests of the decoded dev sealing key and dev identity secret (application-dev.yml). */
    private static final PublishedDevelopmentKeys KEYS = new PublishedDevelopmentKeys(Set.of(
            "dff206facbfe11b9d36550aa1c0be4d12bbdedecd63b42dd4b8494510bc240a3",
            "d39d627c3ac8f7a3e561a8dff89694c60ed0da497b770655535336fe475636f4"),
            "anyone can open the sealed fields and recompute references and tracking codes",
            "Set a value of your own (openssl rand -base64 32) from the environment or a secret store, or run "
                    + "with the dev profile on a laptop.");

    private DevelopmentKeys() {
    }

    public static boolean isDevelopmentKey(byte[] key) {
        return KEYS.contains(key);
    }

    /**
     * @param setting the property that holds the key, named in the failure; the key itself never is
     * @throws IllegalStateException when the key is a development key and the {@code dev} profile is not active
     */
    public static void refuseOutsideDev(String setting, byte[] key, Environment environment) {
        KEYS.refuseOutsideDev(setting, key, environment);
    }
}
