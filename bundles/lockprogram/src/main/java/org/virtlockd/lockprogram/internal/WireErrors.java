package org.virtlockd.lockprogram.internal;

import org.virtlockd.api.LockException;
import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.RpcError;

/**
 * Every error the lock program sends, built in one place. The guards' errors are raised in libvirt's
 * {@code lock_daemon_dispatch.c}, whose {@code VIR_FROM_THIS} is {@code VIR_FROM_RPC}, hence domain 7;
 * the model's errors keep the code and domain the {@link LockException} carries.
 */
final class WireErrors {

    /** Detail of code 29: the connection was restricted. */
    static final String RESTRICTED = "lock manager connection has been restricted";
    /** Detail of code 55: no owner registered, or REGISTER with owner id 0. */
    static final String NOT_REGISTERED = "lock owner details have not been registered";

    private WireErrors() {
    }

    /** {@code virCheckFlags}: code 8, naming only the rejected bits and the C handler. */
    static RpcError unsupportedFlags(LockProcedure procedure, int rejectedBits) {
        return RpcError.unsupportedFlags(ErrorDomain.RPC, rejectedBits, procedure.cFunction());
    }

    /** Code 29 domain 7. */
    static RpcError restricted() {
        return RpcError.ordinary(ErrorCode.OPERATION_DENIED, ErrorDomain.RPC, RESTRICTED);
    }

    /** Code 55 domain 7. */
    static RpcError notRegistered() {
        return RpcError.ordinary(ErrorCode.OPERATION_INVALID, ErrorDomain.RPC, NOT_REGISTERED);
    }

    /** Code 1 domain 7, {@code Lockspace for path <path> does not exist}. */
    static RpcError noLockspace(String path) {
        return RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "Lockspace for path " + path + " does not exist");
    }

    /**
     * The model's error on the wire: a system error as {@code virReportSystemError} fills it, any other
     * as {@code virReportError} does.
     *
     * @throws IllegalArgumentException if the exception's code or domain is one libvirt's lock daemon never
     *     sends (a defect of the service; the transport then answers with an internal error)
     */
    static RpcError of(LockException e) {
        if (e.isSystemError()) {
            ErrorDomain domain = ErrorDomain.of(e.domain()).orElseThrow(
                    () -> new IllegalArgumentException("unknown error domain " + e.domain() + " in: " + e.getMessage()));
            return RpcError.system(domain, e.detail(), e.errno(), e.strerror());
        }
        return RpcError.ordinary(e.code(), e.domain(), e.detail());
    }
}
