package org.hotline.web.kafka;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Gives Kafka's lz4 codec lz4-java's native library in a service started from its Spring Boot jar.
 *
 * <p>lz4-java uses its native (JNI) implementation only when its classes came from the system class loader or its
 * library was loaded explicitly. Spring Boot's launcher loads them with a class loader of its own, so without this a
 * service compresses and decompresses every lz4 batch with lz4-java's pure Java "safe" implementation: a quarter of
 * routing's consumer thread while it drained a burst on the local stack, where the same code run from the plain
 * classpath (its own benchmark, the system benchmark's relay, the broker) used the native library (docs/operations.md,
 * "The temporary folder: native libraries"). A service has one such class loader, so the library is loaded once. It
 * is unpacked to {@code java.io.tmpdir}; where that fails (a temporary folder not writable, or mounted
 * {@code noexec}) the service starts all the same, with the Java implementation, and says so.
 *
 * <p>Registered in each service's {@code main}, so that it runs before the context starts any Kafka client, and
 * after the logging system is set up, so that its line is in the service's own format.
 */
public final class NativeLz4 implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(NativeLz4.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        String implementation = load();
        if (Native.isLoaded()) {
            log.info("lz4 for Kafka's compressed batches: {}", implementation);
        } else {
            log.warn("lz4 for Kafka's compressed batches: {}; compressed topics cost more CPU", implementation);
        }
    }

    /**
     * Loads the native library unless it is loaded already, and names the implementation Kafka's lz4 codec will use
     * ({@link LZ4Factory#fastestInstance()}), with the reason when it is not the native one. The codec asks for it as
     * it compresses each batch, but takes its decompressor once, when its reader class is first used: hence before
     * any Kafka client starts.
     */
    public static String load() {
        try {
            Native.load();
            return LZ4Factory.fastestInstance().toString();
        } catch (RuntimeException | LinkageError e) {
            return LZ4Factory.fastestInstance() + " (the native library did not load: " + e + ")";
        }
    }
}
