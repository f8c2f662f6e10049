package org.virtlockd.protocol;

import java.util.Optional;

/**
 * {@code virNetMessageType} (virnetprotocol.x). The header keeps the raw int, since a peer may send any
 * value and dispatch decides what an unknown one means; {@link #of} maps the known ones.
 */
public enum MessageType {
    /** A request that expects a reply. */
    CALL(0),
    /** The answer to a CALL. */
    REPLY(1),
    /** An asynchronous message without reply (keepalive uses it). */
    MESSAGE(2),
    /** A stream data packet. */
    STREAM(3),
    /** A CALL whose header is followed by a descriptor count. */
    CALL_WITH_FDS(4),
    /** A REPLY whose header is followed by a descriptor count. */
    REPLY_WITH_FDS(5),
    /** A hole in a sparse stream. */
    STREAM_HOLE(6);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** @return the value on the wire */
    public int code() {
        return code;
    }

    /** @return the type with this wire value, or empty for a value libvirt does not define */
    public static Optional<MessageType> of(int code) {
        MessageType[] all = values();
        return code >= 0 && code < all.length ? Optional.of(all[code]) : Optional.empty();
    }
}
