package org.virtlockd.transport;

import java.util.function.Consumer;

import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.XdrWriter;

/**
 * What a program answers to a call: a reply with a payload, an error reply, or nothing; optionally the
 * session is closed once the reply has been written (admin CONNECT_CLOSE).
 */
public final class RpcResult {

    private static final Consumer<XdrWriter> EMPTY = w -> { };
    private static final RpcResult OK_EMPTY = new RpcResult(EMPTY, null, false, true);

    private final Consumer<XdrWriter> payload;
    private final RpcError error;
    private final boolean closeAfter;
    private final boolean dispatched;

    private RpcResult(Consumer<XdrWriter> payload, RpcError error, boolean closeAfter, boolean dispatched) {
        this.payload = payload;
        this.error = error;
        this.closeAfter = closeAfter;
        this.dispatched = dispatched;
    }

    /** @return a REPLY/OK with an empty payload */
    public static RpcResult ok() {
        return OK_EMPTY;
    }

    /**
     * @param payload writes the procedure's return record
     * @return a REPLY/OK
     */
    public static RpcResult ok(Consumer<XdrWriter> payload) {
        return new RpcResult(payload, null, false, true);
    }

    /**
     * @param error libvirt's error record
     * @return a REPLY/ERROR
     */
    public static RpcResult error(RpcError error) {
        return new RpcResult(null, error, false, true);
    }

    /**
     * libvirt's answer to a procedure number outside the program's table (its client turns it into
     * VIR_ERR_NO_SUPPORT by the message prefix).
     *
     * @param proc the procedure number called
     * @return a REPLY/ERROR "unknown procedure: N"
     */
    public static RpcResult unknownProcedure(int proc) {
        return new RpcResult(null, RpcError.rpc("unknown procedure: " + proc), false, false);
    }

    /** @return this result, and the session is closed after the reply is written */
    public RpcResult thenClose() {
        return new RpcResult(payload, error, true, dispatched);
    }

    /** @return the payload writer of an OK reply, or null for an error */
    public Consumer<XdrWriter> payload() {
        return payload;
    }

    /** @return the error of an error reply, or null */
    public RpcError error() {
        return error;
    }

    /**
     * @return false for {@link #unknownProcedure}: the call never reached a procedure, so (as in libvirt) it
     *         does not give the client its identity ({@link Session#hasIdentity()})
     * @since 1.1
     */
    public boolean dispatched() {
        return dispatched;
    }

    /** @return whether the session closes after this reply */
    public boolean closeAfter() {
        return closeAfter;
    }
}
