package org.virtlockd.client.internal;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import org.newsclub.net.unix.AFUNIXSocket;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.KeepaliveProtocol;
import org.virtlockd.protocol.Message;

/**
 * One request and its answer at a time over a {@link FrameChannel}, under a deadline. Any I/O failure
 * (timeout, stray reply, corrupt frame, end of file) closes the connection for good: a late reply
 * would otherwise be taken for the answer to the next call. Callers serialise access.
 */
public final class Conversation implements Closeable {
    private final FrameChannel channel;
    private final Duration timeout;
    private IOException failure;

    /**
     * @param socket a connected socket, owned from now on
     * @param timeout how long an exchange may take, positive and at most {@link Integer#MAX_VALUE} ms
     */
    public Conversation(AFUNIXSocket socket, Duration timeout) throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be positive and at most " + Integer.MAX_VALUE
                    + " ms: " + timeout);
        }
        this.channel = new FrameChannel(socket);
        this.timeout = timeout;
    }

    /** @return the timeout of one exchange */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends {@code frame}, answers PINGs while waiting, and returns the answer: the reply to {@code call},
     * or the PONG when {@code call} is null.
     */
    public Message exchange(Header call, byte[] frame) throws IOException {
        ensureOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            channel.write(frame);
            while (true) {
                Message received = channel.read(deadline, timeout);
                ReplyRules.Outcome outcome = ReplyRules.classify(call, received);
                if (outcome == ReplyRules.Outcome.PING) {
                    channel.write(Frames.encode(KeepaliveProtocol.pong()));
                } else if (outcome == ReplyRules.Outcome.ANSWER
                        || (call == null && outcome == ReplyRules.Outcome.PONG)) {
                    return received;
                }
            }
        } catch (IOException e) {
            throw fail(e);
        }
    }

    /** Closes the connection because of {@code cause}, which later exchanges report; returns it. */
    public IOException fail(IOException cause) {
        if (failure == null) {
            failure = cause;
        }
        try {
            channel.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }

    /** @return whether the connection is closed */
    public boolean isClosed() {
        return failure != null || channel.isClosed();
    }

    @Override
    public void close() throws IOException {
        if (failure == null) {
            failure = new IOException("lock client is closed");
        }
        channel.close();
    }

    /** @throws IOException naming the earlier failure if the connection is closed */
    public void ensureOpen() throws IOException {
        if (failure != null) {
            throw new IOException("connection is closed: " + failure.getMessage(), failure);
        }
    }
}
