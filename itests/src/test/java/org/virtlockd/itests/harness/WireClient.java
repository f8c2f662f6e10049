package org.virtlockd.itests.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Raw bytes to and from a daemon socket, for differential tests: what goes out is exactly what the test
 * built, and what comes back is read frame by frame or as "everything until quiet".
 */
public final class WireClient implements AutoCloseable {

    /** Marker appended by {@link #drain} when the peer closed the connection. */
    public static final String EOF = "<EOF>";

    private final AFUNIXSocket socket;
    private final InputStream in;

    private WireClient(AFUNIXSocket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects with the test user's credentials. */
    public static WireClient connect(Path path) throws Exception {
        return new WireClient(UserThread.call(() -> AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path.toFile()))));
    }

    /** Connects with the caller's (root's) credentials. */
    public static WireClient connectAsRoot(Path path) throws IOException {
        return new WireClient(AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path.toFile())));
    }

    public WireClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads one whole frame (length word included), or returns null on timeout or end of file. */
    public byte[] readFrame(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            byte[] len = in.readNBytes(4);
            if (len.length < 4) {
                return null;
            }
            int n = ByteBuffer.wrap(len).getInt();
            byte[] rest = in.readNBytes(n - 4);
            ByteBuffer frame = ByteBuffer.allocate(n).put(len).put(rest);
            return frame.array();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Everything that arrives until nothing came for {@code quiet}; ends with {@link #EOF} if the peer closed. */
    public String drain(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
            return hex(out.toByteArray()) + EOF;
        } catch (SocketTimeoutException e) {
            return hex(out.toByteArray());
        } catch (IOException e) {
            return hex(out.toByteArray()) + EOF;
        }
    }

    public static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
