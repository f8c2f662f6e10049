package floor;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The least a lock daemon has to do before its first answer: bind the UNIX socket named by the system property
 * {@code floor.sock} and answer each 28-byte keepalive PING with its PONG (the same header, procedure 2). As a
 * Declarative Services component ({@code activate}), from a bundle activator, or from a plain {@code main}.
 */
public final class FloorServer {

    static final int FRAME = 28;
    static final int PROC_OFFSET = 12;
    static final int PONG = 2;

    public void activate() throws IOException {
        Path path = Path.of(System.getProperty("floor.sock"));
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Thread io = new Thread(() -> serve(server), "floor-io");
        io.setDaemon(true);
        io.start();
    }

    private static void serve(ServerSocketChannel server) {
        while (true) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer frame = ByteBuffer.allocate(FRAME);
                while (frame.hasRemaining() && client.read(frame) > 0) {
                    // the whole frame
                }
                frame.putInt(PROC_OFFSET, PONG).flip();
                while (frame.hasRemaining()) {
                    client.write(frame);
                }
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    /** The plain-JVM variant; with {@code -Dfloor.exitAfter=MS} it exits after that long (the training run). */
    public static void main(String[] args) throws Exception {
        new FloorServer().activate();
        Thread.sleep(Long.parseLong(System.getProperty("floor.exitAfter", Long.toString(Long.MAX_VALUE))));
    }
}
