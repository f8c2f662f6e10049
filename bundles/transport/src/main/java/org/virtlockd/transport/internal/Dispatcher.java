package org.virtlockd.transport.internal;

import org.virtlockd.protocol.FrameException;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.KeepaliveProtocol;
import org.virtlockd.protocol.Message;
import org.virtlockd.protocol.MessageStatus;
import org.virtlockd.protocol.MessageType;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.transport.RpcProgram;
import org.virtlockd.transport.RpcResult;

/**
 * libvirt's dispatch outcome table (spec 1.5) for one decoded frame:
 *
 * <pre>
 * keepalive program, type MESSAGE        PING → PONG; anything else swallowed
 * program/version not served, CALL(_WITH_FDS)   error 39/7 "Cannot find program P version V"
 * program/version not served, other type  dropped, no bytes
 * served, type CALL(_WITH_FDS), status ≠ OK      error 39/7 "Unexpected message status N"
 * served, type CALL(_WITH_FDS), status OK        the program's result; undecodable arguments →
 *                                                error 39/7 "Unable to decode message payload"
 * served, any other type                  dropped, no bytes
 * header undecodable, fd count over 32    connection closed
 * fd count 1..32                          nothing sent: libvirt then waits for the descriptors and closes
 *                                         the connection when other bytes arrive; so do we (the lock and
 *                                         admin programs take no descriptors, and none are received)
 * </pre>
 */
final class Dispatcher {

    /**
     * The bytes to write (or null), whether to close the connection afterwards (or at once), and whether
     * the message announced descriptors, after which any further byte closes the connection.
     */
    record Outcome(byte[] reply, boolean close, boolean awaitDescriptors) {
        static final Outcome NOTHING = new Outcome(null, false, false);
        static final Outcome CLOSE = new Outcome(null, true, false);
        static final Outcome AWAIT_DESCRIPTORS = new Outcome(null, false, true);

        Outcome(byte[] reply, boolean close) {
            this(reply, close, false);
        }
    }

    private Dispatcher() {
    }

    static Outcome dispatch(Server server, Connection session, byte[] frame) {
        Message message;
        try {
            message = Message.decodeFromClient(frame);
        } catch (FrameException e) {
            server.log().debug("closing " + session + ": " + e.getMessage());
            return Outcome.CLOSE;
        }
        if (message.fdCount() > 0) {
            return Outcome.AWAIT_DESCRIPTORS;
        }
        Header h = message.header();
        boolean call = h.type() == MessageType.CALL.code() || h.type() == MessageType.CALL_WITH_FDS.code();
        if (h.prog() == KeepaliveProtocol.PROGRAM && h.vers() == KeepaliveProtocol.VERSION
                && h.type() == MessageType.MESSAGE.code()) {
            return KeepaliveProtocol.isPing(h) ? new Outcome(Frames.encode(KeepaliveProtocol.pong()), false) : Outcome.NOTHING;
        }
        RpcProgram program = server.programs().find(server.name(), h.prog(), h.vers());
        if (program == null) {
            return call ? error(h, RpcError.rpc("Cannot find program " + h.prog() + " version " + h.vers())) : Outcome.NOTHING;
        }
        if (!call) {
            return Outcome.NOTHING;
        }
        if (h.status() != MessageStatus.OK.code()) {
            return error(h, RpcError.rpc("Unexpected message status " + Integer.toUnsignedString(h.status())));
        }
        RpcResult result;
        try {
            result = program.call(session, h, message.payloadReader());
        } catch (XdrException e) {
            return error(h, RpcError.rpc("Unable to decode message payload"));
        } catch (RuntimeException e) {
            server.warn("program " + h.prog() + " failed on procedure " + h.proc() + ": " + e);
            return error(h, RpcError.ordinary(1, 7, "unexpected failure in procedure " + h.proc() + ": " + e));
        }
        if (result == null || result.dispatched()) {
            session.identify();
        }
        if (result == null) {
            return Outcome.NOTHING;
        }
        byte[] reply = result.error() != null ? Frames.errorReply(h, result.error())
                : Frames.okReply(h, result.payload());
        return new Outcome(reply, result.closeAfter());
    }

    private static Outcome error(Header h, RpcError e) {
        return new Outcome(Frames.errorReply(h, e), false);
    }
}
