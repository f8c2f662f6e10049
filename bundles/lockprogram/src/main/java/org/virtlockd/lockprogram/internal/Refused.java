package org.virtlockd.lockprogram.internal;

import org.virtlockd.protocol.RpcError;

/**
 * A guard (or REGISTER's owner check) refused the call: the error to send. Thrown by the guards and
 * caught in one place, next to the mapping of the model's errors; carries no stack trace.
 */
final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RpcError error;

    Refused(RpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    /** @return the wire error */
    RpcError error() {
        return error;
    }
}
