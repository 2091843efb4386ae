package org.hotline.devkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class PublishedDevelopmentKeysTest {

    /** SHA-256 of the bytes of "published-key" ({@code printf published-key | sha256sum}). */
    private static final String DIGEST = "9cd48dc589786a4cdc8a9f0e6648a99be557dca746510c446d1a3c9985555b68";

    private static final byte[] PUBLISHED = "published-key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OWN = "a-key-of-your-own".getBytes(StandardCharsets.UTF_8);

    private final PublishedDevelopmentKeys keys = new PublishedDevelopmentKeys(Set.of(DIGEST),
            "anyone can open the sealed fields", "Set a value of your own.");

    @Test
    void knowsAPublishedKeyByItsDigestAndNoOther() {
        assertThat(keys.contains(PUBLISHED)).isTrue();
        assertThat(keys.contains(OWN)).isFalse();
    }

    @Test
    void refusesAPublishedKeyOutsideTheDevProfileNamingTheSettingTheDangerAndTheRemedyButNotTheKey() {
        StandardEnvironment production = new StandardEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> keys.refuseOutsideDev("hotline.sealing.keys.k1", PUBLISHED, production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("hotline.sealing.keys.k1 is the development value published in application-dev.yml: "
                        + "with it anyone can open the sealed fields. Set a value of your own.")
                .hasMessageNotContaining("published-key");
    }

    @Test
    void acceptsAPublishedKeyInTheDevProfileAndAKeyOfYourOwnAnywhere() {
        StandardEnvironment dev = new StandardEnvironment();
        dev.setActiveProfiles("dev");

        assertThatCode(() -> keys.refuseOutsideDev("k", PUBLISHED, dev)).doesNotThrowAnyException();
        assertThatCode(() -> keys.refuseOutsideDev("k", OWN, new StandardEnvironment())).doesNotThrowAnyException();
    }
}
