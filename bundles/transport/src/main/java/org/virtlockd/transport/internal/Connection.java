package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.FileDescriptorCast;
import org.virtlockd.protocol.FrameDecoder;
import org.virtlockd.protocol.FrameException;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.Session;

/**
 * One client connection. Frames are decoded as bytes arrive and executed one at a time; while a reply is
 * still being written the connection is not read and further buffered requests wait, so a client has at
 * most one request in flight, as with libvirt's {@code nrequests_client_max = 1}. Only the I/O thread
 * touches the buffers.
 */
final class Connection implements Session {

    private final Server server;
    private final long id;
    private final AFUNIXSocketChannel channel;
    private final PeerIdentity peer;
    private final Instant connectedAt;
    private final FrameDecoder decoder = FrameDecoder.standard();
    private final Map<Object, Object> attachments = new ConcurrentHashMap<>();
    private final ArrayDeque<ByteBuffer> pendingWrites = new ArrayDeque<>();
    private ByteBuffer unprocessed;
    private SelectionKey key;
    private boolean closeAfterWrite;
    /** A message announced descriptors that never come: the next byte ends the session. */
    private boolean awaitingDescriptors;
    private volatile boolean closed;
    private volatile boolean identified;

    Connection(Server server, long id, AFUNIXSocketChannel channel, PeerIdentity peer) {
        this(server, id, channel, peer, Instant.now());
    }

    /** A connection with a known connect time: one taken over across a re-exec. */
    Connection(Server server, long id, AFUNIXSocketChannel channel, PeerIdentity peer, Instant connectedAt) {
        this.server = server;
        this.id = id;
        this.channel = channel;
        this.peer = peer;
        this.connectedAt = connectedAt;
    }

    /** @return the socket's descriptor number */
    int fd() throws IOException {
        return FileDescriptorCast.using(channel.getFileDescriptor()).as(Integer.class);
    }

    /**
     * Before a re-exec: writes what replies are still queued, for at most {@code timeoutNanos}, without ever
     * blocking on a peer that does not read.
     *
     * @return whether everything was written
     */
    boolean flush(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (!pendingWrites.isEmpty()) {
                ByteBuffer head = pendingWrites.peek();
                if (channel.write(head) == 0 && head.hasRemaining()) {
                    if (System.nanoTime() - deadline >= 0) {
                        return false;
                    }
                    TimeUnit.MILLISECONDS.sleep(1);
                    continue;
                }
                if (!head.hasRemaining()) {
                    pendingWrites.poll();
                }
            }
        } catch (IOException e) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** @return whether the connection is to end once its queued replies are written */
    boolean closing() {
        return closeAfterWrite;
    }

    /** @return the bytes received but not executed yet: a partial frame, then requests waiting their turn */
    byte[] pendingInput() {
        byte[] partial = decoder.partialFrame();
        int rest = unprocessed == null ? 0 : unprocessed.remaining();
        byte[] out = new byte[partial.length + rest];
        System.arraycopy(partial, 0, out, 0, partial.length);
        if (rest > 0) {
            unprocessed.duplicate().get(out, partial.length, rest);
        }
        return out;
    }

    /** @return the bytes of replies queued but not written yet */
    byte[] pendingOutput() {
        int total = pendingWrites.stream().mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer out = ByteBuffer.allocate(total);
        pendingWrites.forEach(b -> out.put(b.duplicate()));
        return out.array();
    }

    /**
     * After a re-exec: queues the replies the previous image had not written and executes the requests it had
     * not read to the end, in the order they arrived.
     */
    void resumeWith(byte[] input, byte[] output) {
        if (output.length > 0) {
            pendingWrites.add(ByteBuffer.wrap(output));
            key.interestOps(SelectionKey.OP_WRITE);
        }
        if (input.length > 0) {
            process(ByteBuffer.wrap(input));
        }
    }

    void registered(SelectionKey selectionKey) {
        this.key = selectionKey;
    }

    void readReady(ByteBuffer buffer) {
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            close();
            return;
        }
        if (n < 0) {
            close();
            return;
        }
        buffer.flip();
        process(buffer);
    }

    /** Decodes and executes frames from {@code in} until it is used up or a reply is left waiting. */
    private void process(ByteBuffer in) {
        while (!closed && in.hasRemaining()) {
            if (awaitingDescriptors) {
                server.log().debug("closing " + this + ": data instead of the announced file descriptors");
                close();
                return;
            }
            if (!pendingWrites.isEmpty()) {
                keepUnprocessed(in);
                return;
            }
            Optional<byte[]> frame;
            try {
                frame = decoder.decode(in);
            } catch (FrameException e) {
                server.log().debug("closing client " + id + " of " + server.name() + ": " + e.getMessage());
                close();
                return;
            }
            if (frame.isEmpty()) {
                return;
            }
            Dispatcher.Outcome outcome = Dispatcher.dispatch(server, this, frame.get());
            awaitingDescriptors = outcome.awaitDescriptors();
            if (outcome.close() && outcome.reply() == null) {
                close();
                return;
            }
            if (outcome.reply() != null) {
                closeAfterWrite = outcome.close();
                send(outcome.reply());
            }
        }
    }

    private void keepUnprocessed(ByteBuffer in) {
        ByteBuffer copy = ByteBuffer.allocate(in.remaining() + (unprocessed == null ? 0 : unprocessed.remaining()));
        if (unprocessed != null) {
            copy.put(unprocessed);
        }
        copy.put(in).flip();
        unprocessed = copy;
    }

    private void send(byte[] reply) {
        ByteBuffer buf = ByteBuffer.wrap(reply);
        if (pendingWrites.isEmpty()) {
            try {
                channel.write(buf);
            } catch (IOException e) {
                close();
                return;
            }
        }
        if (buf.hasRemaining()) {
            pendingWrites.add(buf);
            key.interestOps(SelectionKey.OP_WRITE);
        } else if (closeAfterWrite) {
            close();
        }
    }

    void writeReady() {
        try {
            while (!pendingWrites.isEmpty()) {
                ByteBuffer head = pendingWrites.peek();
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
                pendingWrites.poll();
            }
        } catch (IOException e) {
            close();
            return;
        }
        if (closeAfterWrite) {
            close();
            return;
        }
        key.interestOps(SelectionKey.OP_READ);
        if (unprocessed != null) {
            ByteBuffer backlog = unprocessed;
            unprocessed = null;
            process(backlog);
        }
    }

    /** Sends a frame outside a call (keepalive PONG) in order with the replies. */
    void sendMessage(byte[] frame) {
        send(frame);
    }

    @Override
    public void close() {
        if (!server.loop().inLoop()) {
            server.loop().execute(this::close);
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            server.log().debug("closing client " + id + ": " + e.getMessage());
        }
        server.removed(this);
        for (RpcProgram program : server.programs().of(server.name())) {
            try {
                program.sessionClosed(this);
            } catch (RuntimeException e) {
                server.warn("program " + program.program() + " failed on the close of client " + id + ": " + e);
            }
        }
        server.closed(this);
    }

    boolean isClosed() {
        return closed;
    }

    /** @return true when the selector has dropped this session's key after a hang-up */
    boolean hungUp() {
        return !closed && key != null && !key.isValid();
    }

    /**
     * The peer hung up: what it sent before is still executed, in order, as libvirt reads a message that
     * arrived before the end of file; then the session ends.
     */
    void drainAndClose(ByteBuffer buffer) {
        try {
            channel.configureBlocking(false);
            while (!closed && pendingWrites.isEmpty()) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n <= 0) {
                    break;
                }
                buffer.flip();
                process(buffer);
            }
        } catch (IOException e) {
            server.log().debug("reading from " + this + " after its hang-up: " + e.getMessage());
        }
        close();
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String server() {
        return server.name();
    }

    @Override
    public long peerPid() {
        return peer.pid();
    }

    @Override
    public long peerUid() {
        return peer.uid();
    }

    @Override
    public long peerGid() {
        return peer.gid();
    }

    @Override
    public Instant connectedAt() {
        return connectedAt;
    }

    @Override
    public boolean hasIdentity() {
        return identified;
    }

    /** The client's first call reached a procedure with decodable arguments: libvirt creates its identity. */
    void identify() {
        identified = true;
    }

    @Override
    public Object attachment(Object attachmentKey) {
        return attachments.get(attachmentKey);
    }

    @Override
    public void attach(Object attachmentKey, Object value) {
        if (value == null) {
            attachments.remove(attachmentKey);
        } else {
            attachments.put(attachmentKey, value);
        }
    }

    @Override
    public String toString() {
        return "client " + id + " of " + server.name() + " (pid " + peer.pid() + ")";
    }
}
