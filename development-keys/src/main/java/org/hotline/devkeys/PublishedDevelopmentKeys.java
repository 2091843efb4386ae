package org.hotline.devkeys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Keys published in an {@code application-dev.yml}, refused outside the {@code dev} profile: anyone can read them
 * in the repository and in every jar. They are known by the SHA-256 digests of their decoded bytes only, so that
 * the code does not publish them a second time, and goes on refusing them once application-dev.yml changes (each
 * service's test checks that the file's keys are known).
 */
public final class PublishedDevelopmentKeys {

    private final Set<String> digests;
    private final String danger;
    private final String remedy;

    /**
     * @param digests hex SHA-256 digests of the decoded keys
     * @param danger what anyone holding one of the keys can do, as the failure states it after "with it"
     * @param remedy what to set instead, as the failure states it
     */
    public PublishedDevelopmentKeys(Set<String> digests, String danger, String remedy) {
        this.digests = Set.copyOf(digests);
        this.danger = danger;
        this.remedy = remedy;
    }

    public boolean contains(byte[] key) {
        return digests.contains(sha256(key));
    }

    /**
     * @param setting the property that holds the key, named in the failure; the key itself never is
     * @throws IllegalStateException when the key is one of these and the {@code dev} profile is not active
     */
    public void refuseOutsideDev(String setting, byte[] key, Environment environment) {
        if (contains(key) && !environment.acceptsProfiles(Profiles.of("dev"))) {
            throw new IllegalStateException(setting + " is the development value published in application-dev.yml: "
                    + "with it " + danger + ". " + remedy);
        }
    }

    private static String sha256(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
