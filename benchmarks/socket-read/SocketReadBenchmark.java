import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * What reading a Kafka response from a socket costs the reading thread, per MiB: a response of the given size, its
 * length first, read over the loopback into one heap buffer as large as the response, as Kafka's clients do
 * (NetworkReceive), through a socket with the consumer's 64 KiB receive buffer. The JDK reads a socket into a heap
 * buffer through a direct buffer as large as the space left in the heap buffer; {@code jdk.nio.maxCachedBufferSize}
 * and glibc's {@code MALLOC_MMAP_THRESHOLD_} decide what that costs, so run-socket-read-benchmark.sh starts one JVM for
 * each setting. Prints one line for the script's table (standard output is its interface): the response's size in KiB,
 * responses, reads (the lengths' included), CPU and wall time per MiB.
 *
 * <p>Run with {@code java SocketReadBenchmark.java <response bytes> <total bytes>}.
 */
public final class SocketReadBenchmark {

    private SocketReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        int responses = (int) Math.max(1, Long.parseLong(args[1]) / size);
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread sender = new Thread(() -> send(server, size, responses));
            sender.start();
            try (SocketChannel socket = SocketChannel.open()) {
                socket.setOption(StandardSocketOptions.SO_RCVBUF, 65536);
                socket.connect(server.getLocalAddress());
                read(socket, size, responses);
            }
            sender.join();
        }
    }

    private static void send(ServerSocketChannel server, int size, int responses) {
        try (SocketChannel socket = server.accept()) {
            ByteBuffer response = ByteBuffer.allocateDirect(size + Integer.BYTES);
            for (int i = 0; i < responses; i++) {
                response.clear();
                response.putInt(0, size);
                while (response.hasRemaining()) {
                    socket.write(response);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(SocketChannel socket, int size, int responses) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long reads = 0;
        ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
        for (int i = 0; i < responses; i++) {
            length.clear();
            while (length.hasRemaining()) {
                readSome(socket, length, i);
                reads++;
            }
            ByteBuffer response = ByteBuffer.allocate(length.getInt(0));
            while (response.hasRemaining()) {
                readSome(socket, response, i);
                reads++;
            }
        }
        double mib = responses * (double) size / (1 << 20);
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        double wallMs = (System.nanoTime() - wallStart) / 1e6;
        System.out.printf("%d | %d | %d | %.1f | %.1f%n", size / 1024, responses, reads, cpuMs / mib, wallMs / mib);
    }

    private static void readSome(SocketChannel socket, ByteBuffer into, int response) throws IOException {
        if (socket.read(into) < 0) {
            throw new EOFException("the sender closed the socket after " + response + " responses");
        }
    }
}
