package org.hotline.systemtest;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system on the secured cluster ({@link HotlineSystem.Settings#onSecuredCluster()}), deployed once for every test
 * class that asks for it with {@code @ExtendWith(SecuredDeployment.class)} and removed when the run's last test has
 * finished (JUnit closes what its root store holds). HostileRequestsIT, JourneyIT and SecuredClusterIT share it (and
 * SecuredFaultsIT, when named): the secured deployment takes four minutes on the 2-core CI machine, a deployment of
 * its own for each would not fit CI's hour. Failsafe runs the classes in alphabetical order (system-tests/pom.xml),
 * so these, the last, run one after the other and no other class's deployment runs beside this one.
 */
final class SecuredDeployment implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SecuredDeployment.class);

    private static volatile @Nullable HotlineSystem deployed;

    @Override
    public void beforeAll(ExtensionContext context) {
        deployed = context.getRoot().getStore(NAMESPACE).computeIfAbsent(HotlineSystem.class,
                any -> HotlineSystem.start(HotlineSystem.Settings.onSecuredCluster()), HotlineSystem.class);
    }

    /** The deployment, for the {@code @BeforeAll} of a class extended with this. */
    static HotlineSystem system() {
        HotlineSystem system = deployed;
        if (system == null) {
            throw new IllegalStateException("the class needs @ExtendWith(SecuredDeployment.class)");
        }
        return system;
    }
}
