package org.virtlockd.admin.internal;

import org.virtlockd.protocol.RpcError;

/** A procedure failed with libvirt's error: the reply is a REPLY/ERROR carrying it. */
final class AdminFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient RpcError error;

    AdminFailure(RpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    RpcError error() {
        return error;
    }
}
