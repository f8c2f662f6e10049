package org.virtlockd.protocol;

import java.util.Optional;

/** {@code virNetMessageStatus} (virnetprotocol.x); the header keeps the raw int, see {@link MessageType}. */
public enum MessageStatus {
    /** Success; for a REPLY the procedure's return record follows. */
    OK(0),
    /** Failure; an {@link RpcError} follows. */
    ERROR(1),
    /** More stream data follows. */
    CONTINUE(2);

    private final int code;

    MessageStatus(int code) {
        this.code = code;
    }

    /** @return the value on the wire */
    public int code() {
        return code;
    }

    /** @return the status with this wire value, or empty for a value libvirt does not define */
    public static Optional<MessageStatus> of(int code) {
        MessageStatus[] all = values();
        return code >= 0 && code < all.length ? Optional.of(all[code]) : Optional.empty();
    }
}
