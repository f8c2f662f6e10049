package org.virtlockd.client.internal;

import java.net.ProtocolException;

import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.KeepaliveProtocol;
import org.virtlockd.protocol.Message;
import org.virtlockd.protocol.MessageType;

/**
 * What a client does with a received frame, as libvirt's RPC client decides it
 * ({@code virnetclient.c}, {@code virnetclientprogram.c}, {@code virkeepalive.c}):
 * <ol>
 *   <li>keepalive program, version 1, type MESSAGE: PING must be answered with PONG, PONG and unknown
 *       procedures are swallowed;</li>
 *   <li>REPLY or REPLY_WITH_FDS: must belong to the waiting call by prog, vers and serial, then carry
 *       the call's proc, else the stream is out of step;</li>
 *   <li>MESSAGE, STREAM, STREAM_HOLE of another program: an event or stream packet nobody registered
 *       for, dropped;</li>
 *   <li>any other type (a CALL from the server, an unknown type): a protocol error.</li>
 * </ol>
 */
public final class ReplyRules {

    /** The decision for one frame. */
    public enum Outcome {
        /** The reply to the waiting call. */
        ANSWER,
        /** A keepalive PING: send a PONG, keep waiting. */
        PING,
        /** A keepalive PONG. */
        PONG,
        /** Nothing to do, keep waiting. */
        IGNORE
    }

    private ReplyRules() {
    }

    /**
     * @param call the header of the waiting call, or {@code null} when no call waits (during a ping)
     * @param received the frame received
     * @throws ProtocolException if the frame cannot belong to this conversation
     */
    public static Outcome classify(Header call, Message received) throws ProtocolException {
        Header h = received.header();
        if (h.prog() == KeepaliveProtocol.PROGRAM && h.vers() == KeepaliveProtocol.VERSION
                && h.type() == MessageType.MESSAGE.code()) {
            return switch (h.proc()) {
                case KeepaliveProtocol.PROC_PING -> Outcome.PING;
                case KeepaliveProtocol.PROC_PONG -> Outcome.PONG;
                default -> Outcome.IGNORE;
            };
        }
        if (h.type() == MessageType.REPLY.code() || h.type() == MessageType.REPLY_WITH_FDS.code()) {
            checkReply(call, received);
            return Outcome.ANSWER;
        }
        if (h.type() == MessageType.MESSAGE.code() || h.type() == MessageType.STREAM.code()
                || h.type() == MessageType.STREAM_HOLE.code()) {
            return Outcome.IGNORE;
        }
        throw new ProtocolException("unexpected message from the daemon: " + h);
    }

    private static void checkReply(Header call, Message received) throws ProtocolException {
        Header h = received.header();
        if (call == null || h.prog() != call.prog() || h.vers() != call.vers() || h.serial() != call.serial()) {
            throw new ProtocolException("no call waiting for the reply " + h
                    + (call == null ? "" : "; waiting for serial " + Integer.toUnsignedString(call.serial())));
        }
        if (h.proc() != call.proc()) {
            throw new ProtocolException("reply for procedure " + h.proc() + " to a call of procedure " + call.proc());
        }
        if (received.fdCount() != 0) {
            throw new ProtocolException("reply announces " + received.fdCount() + " descriptors; this client takes none");
        }
    }
}
