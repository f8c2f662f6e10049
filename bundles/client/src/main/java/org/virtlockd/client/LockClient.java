package org.virtlockd.client;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.virtlockd.client.internal.Conversation;
import org.virtlockd.protocol.CreateLockspaceArgs;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.KeepaliveProtocol;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.LockProtocol;
import org.virtlockd.protocol.Message;
import org.virtlockd.protocol.MessageStatus;
import org.virtlockd.protocol.NewArgs;
import org.virtlockd.protocol.Owner;
import org.virtlockd.protocol.RegisterArgs;
import org.virtlockd.protocol.ResourceArgs;
import org.virtlockd.protocol.RestrictArgs;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrWriter;

/**
 * One connection to a virtlockd lock socket. Calls block until their reply arrives or the timeout
 * passes, and run one at a time (concurrent callers wait their turn). Serials count from 0 on each
 * connection, one per call, as libvirt's {@code lockd} plugin numbers them; keepalive messages carry
 * serial 0 and do not use up a serial.
 *
 * <p>Failures: an error reply throws {@link LockClientException} and the connection stays usable. A
 * timeout ({@link java.net.SocketTimeoutException}), a reply that does not match the call
 * ({@link ProtocolException}) or any other I/O error closes the connection, since a late or stray reply
 * would put it out of step; later calls then fail with an {@link IOException}.
 */
public final class LockClient implements AutoCloseable {
    /** How long a call waits for its reply unless the factory is given another timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Conversation conversation;
    private int nextSerial;

    private LockClient(AFUNIXSocket socket, Duration timeout) throws IOException {
        this.conversation = new Conversation(socket, timeout);
    }

    /** Connects to the lock socket at {@code socket} with the {@link #DEFAULT_TIMEOUT}. */
    public static LockClient connect(Path socket) throws IOException {
        return connect(socket, DEFAULT_TIMEOUT);
    }

    /** Connects to the lock socket at {@code socket}; each call waits at most {@code timeout}. */
    public static LockClient connect(Path socket, Duration timeout) throws IOException {
        AFUNIXSocket connected = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket));
        try {
            return over(connected, timeout);
        } catch (IOException | RuntimeException e) {
            connected.close();
            throw e;
        }
    }

    /** Uses an already connected socket (for instance one connected with other credentials). */
    public static LockClient over(AFUNIXSocket socket) throws IOException {
        return over(socket, DEFAULT_TIMEOUT);
    }

    /** Uses an already connected socket; the client owns it and closes it. */
    public static LockClient over(AFUNIXSocket socket, Duration timeout) throws IOException {
        return new LockClient(socket, timeout);
    }

    /** @return how long each call waits for its reply */
    public Duration timeout() {
        return conversation.timeout();
    }

    /** REGISTER: records the owner of this connection (flags 0). Id 0 means "not registered" to the daemon. */
    public void register(UUID uuid, String name, long id, long pid) throws IOException {
        register(new Owner(uuid, name, id, pid));
    }

    /** REGISTER with an owner record. */
    public void register(Owner owner) throws IOException {
        call(LockProcedure.REGISTER.number(), new RegisterArgs(owner, 0)::encode);
    }

    /** RESTRICT: after this the daemon refuses every lock procedure on this connection. */
    public void restrict() throws IOException {
        call(LockProcedure.RESTRICT.number(), new RestrictArgs(0)::encode);
    }

    /** NEW: creates a lockspace that must not exist yet. */
    public void newLockspace(String path) throws IOException {
        call(LockProcedure.NEW.number(), new NewArgs(path, 0)::encode);
    }

    /** CREATE_LOCKSPACE: creates the lockspace if it does not exist (no registration needed). */
    public void createLockspace(String path) throws IOException {
        call(LockProcedure.CREATE_LOCKSPACE.number(), new CreateLockspaceArgs(path)::encode);
    }

    /** CREATE_RESOURCE: creates the resource file unless the resource is locked. */
    public void createResource(String lockspace, String name) throws IOException {
        call(LockProcedure.CREATE_RESOURCE.number(), new ResourceArgs(lockspace, name, 0)::encode);
    }

    /** DELETE_RESOURCE: deletes the resource file unless the resource is locked. */
    public void deleteResource(String lockspace, String name) throws IOException {
        call(LockProcedure.DELETE_RESOURCE.number(), new ResourceArgs(lockspace, name, 0)::encode);
    }

    /** ACQUIRE_RESOURCE for the registered owner, shared or exclusive, optionally creating the file. */
    public void acquire(String lockspace, String name, boolean shared, boolean autocreate) throws IOException {
        int flags = (shared ? LockProtocol.FLAG_SHARED : 0) | (autocreate ? LockProtocol.FLAG_AUTOCREATE : 0);
        call(LockProcedure.ACQUIRE_RESOURCE.number(), new ResourceArgs(lockspace, name, flags)::encode);
    }

    /** RELEASE_RESOURCE for the registered owner (flags 0, as libvirt's plugin sends it). */
    public void release(String lockspace, String name) throws IOException {
        call(LockProcedure.RELEASE_RESOURCE.number(), new ResourceArgs(lockspace, name, 0)::encode);
    }

    /**
     * Calls procedure {@code proc} of the lock program with the arguments {@code args} writes.
     *
     * @return the REPLY with status OK (its payload is empty for every lock procedure)
     * @throws LockClientException if the daemon answers with status ERROR
     * @throws IOException on timeout, protocol violation or I/O error; the connection is then closed
     */
    public synchronized Message call(int proc, Consumer<XdrWriter> args) throws IOException {
        Header header = Header.call(LockProtocol.PROGRAM, LockProtocol.VERSION, proc, nextSerial);
        byte[] frame = Frames.encode(header, args);
        conversation.ensureOpen();
        nextSerial++;
        Message reply = conversation.exchange(header, frame);
        int status = reply.header().status();
        if (status == MessageStatus.OK.code()) {
            return reply;
        }
        if (status != MessageStatus.ERROR.code()) {
            throw conversation.fail(new ProtocolException("unexpected message status " + status));
        }
        try {
            throw new LockClientException(proc, RpcError.decode(reply.payloadReader()));
        } catch (XdrException e) {
            throw conversation.fail(new ProtocolException("undecodable error payload: " + e.getMessage()));
        }
    }

    /** Sends a keepalive PING and waits for the daemon's PONG. */
    public synchronized void ping() throws IOException {
        conversation.exchange(null, Frames.encode(KeepaliveProtocol.ping()));
    }

    /** @return whether the connection is closed, by {@link #close} or after a failure */
    public synchronized boolean isClosed() {
        return conversation.isClosed();
    }

    @Override
    public synchronized void close() throws IOException {
        conversation.close();
    }
}
