package org.hotline.web.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;

class NativeLz4Test {

    @Test
    void givesKafkasCodecTheNativeLibraryWhenLz4WasLoadedByAClassLoaderOfItsOwn() throws Exception {
        // given lz4-java and NativeLz4 loaded by a class loader other than the system one, as Spring Boot's launcher
        // loads them from a service's jar
        try (LauncherLike launcher = new LauncherLike()) {
            Class<?> factory = launcher.loadClass(LZ4Factory.class.getName());
            assertThat(fastest(factory)).as("lz4 before NativeLz4, from the launcher's class loader")
                    .isEqualTo("LZ4Factory:JavaSafe");

            // when
            Object named = launcher.loadClass(NativeLz4.class.getName()).getMethod("load").invoke(null);

            // then
            assertThat(fastest(factory)).as("lz4 after NativeLz4").isEqualTo("LZ4Factory:JNI");
            assertThat(named).isEqualTo("LZ4Factory:JNI");
        }
    }

    /** The implementation Kafka's lz4 codec asks for, from the given copy of lz4-java. */
    private static String fastest(Class<?> factory) throws ReflectiveOperationException {
        return factory.getMethod("fastestInstance").invoke(null).toString();
    }

    /**
     * Loads lz4-java and NativeLz4 itself, from the same jar and classes folder as the test's class loader, and
     * everything else from the test's: two copies of lz4-java side by side, as a service's jar is beside nothing.
     */
    private static final class LauncherLike extends URLClassLoader {

        LauncherLike() {
            super(new URL[] {location(LZ4Factory.class), location(NativeLz4.class)},
                    NativeLz4Test.class.getClassLoader());
        }

        private static URL location(Class<?> type) {
            return type.getProtectionDomain().getCodeSource().getLocation();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("net.jpountz.") && !name.equals(NativeLz4.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}
