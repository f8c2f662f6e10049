package org.virtlockd.client.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.AFUNIXSocket;
import org.virtlockd.protocol.FrameDecoder;
import org.virtlockd.protocol.FrameException;
import org.virtlockd.protocol.Message;

/**
 * Whole frames over a connected socket: writes encoded frames, and reads frames with libvirt's length
 * rule ({@link FrameDecoder}, limit {@code VIR_NET_MESSAGE_MAX}) until a deadline. Bytes received after a
 * frame are kept for the next read. Not thread-safe; the client serialises its calls.
 */
public final class FrameChannel implements Closeable {
    /** Bytes asked of the socket per read; frames larger than this arrive over several reads. */
    static final int READ_CHUNK = 65536;

    private final AFUNIXSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameDecoder decoder = FrameDecoder.standard();
    private final ByteBuffer inbox = ByteBuffer.allocate(READ_CHUNK).limit(0);

    /** @param socket a connected socket; the channel owns it from now on */
    public FrameChannel(AFUNIXSocket socket) throws IOException {
        this.socket = Objects.requireNonNull(socket, "socket");
        if (!socket.isConnected()) {
            throw new IOException("socket is not connected");
        }
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Writes one whole frame (length word included). */
    public void write(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    /**
     * @param deadline {@link System#nanoTime()} by which the frame must be complete
     * @param timeout the configured timeout, for the message
     * @return the next frame split as a client splits it ({@link Message#decodeFromServer})
     * @throws SocketTimeoutException if the deadline passes first
     * @throws EOFException if the daemon closed the connection
     * @throws ProtocolException if the byte stream is corrupt
     */
    public Message read(long deadline, Duration timeout) throws IOException {
        try {
            while (true) {
                Optional<byte[]> frame = decoder.decode(inbox);
                if (frame.isPresent()) {
                    return Message.decodeFromServer(frame.get());
                }
                fill(deadline, timeout);
            }
        } catch (FrameException e) {
            throw new ProtocolException("corrupt frame from the daemon: " + e.getMessage());
        }
    }

    private void fill(long deadline, Duration timeout) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no complete reply within " + timeout);
        }
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left)));
        socket.setSoTimeout((int) millis);
        int n;
        try {
            n = in.read(inbox.array(), 0, inbox.capacity());
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no complete reply within " + timeout);
        }
        if (n < 0) {
            throw new EOFException("the daemon closed the connection");
        }
        inbox.position(0).limit(n);
    }

    /** @return whether the socket has been closed */
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
