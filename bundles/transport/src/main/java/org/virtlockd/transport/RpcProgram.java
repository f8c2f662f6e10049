package org.virtlockd.transport;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;

/**
 * One libvirt RPC program (program number and version) served on one server. The transport has already
 * applied libvirt's dispatch table (unknown programs, message types, status): {@link #call} sees only
 * CALL messages with status OK. Calls of one session arrive one at a time, in order.
 */
@ConsumerType
public interface RpcProgram {

    /** Service property: the name of the server this program is served on. */
    String SERVER_PROPERTY = "virtlockd.server";
    /** libvirt's name of the lock server. */
    String LOCK_SERVER = "virtlockd";
    /** libvirt's name of the admin server. */
    String ADMIN_SERVER = "admin";

    /** @return the program number, e.g. 0x0EA7BEEF */
    int program();

    /** @return the program version */
    int version();

    /**
     * Handles one call.
     *
     * @param session the connection it came on
     * @param header the call's header
     * @param args the argument bytes
     * @return the reply to send, if any
     * @throws XdrException when the arguments cannot be decoded: the transport answers
     *         "Unable to decode message payload" and keeps the connection
     */
    RpcResult call(Session session, Header header, XdrReader args) throws XdrException;

    /**
     * The session has ended (end of file, error, forced close, shutdown). Called once, after the session's
     * last call has returned.
     *
     * @param session the ended session
     */
    default void sessionClosed(Session session) {
    }

    /**
     * A re-exec is saving the session (spec 6.12): its state as the client's {@code privateData} object of
     * libvirt's state document. Called on the I/O thread while nothing is read or dispatched.
     *
     * @param session a session of this program's server
     * @return the entries of {@code privateData}, in the order to write them; empty for none
     * @since 1.2
     */
    default Map<String, Object> saveSession(Session session) {
        return Map.of();
    }

    /**
     * A session taken over across a re-exec, before it is read again: rebuild its state from what
     * {@link #saveSession} (or libvirt's daemon) wrote.
     *
     * @param session the restored session
     * @param privateData the client's {@code privateData} object
     * @throws IllegalArgumentException if the data is malformed: the transport then ends the session
     * @since 1.2
     */
    default void restoreSession(Session session, Map<String, Object> privateData) {
    }
}
