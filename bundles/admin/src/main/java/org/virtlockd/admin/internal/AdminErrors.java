package org.virtlockd.admin.internal;

import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.RpcError;

/**
 * The errors of libvirt 9.0.0's admin program, with the texts and domains its sources raise them with (all
 * checked against the installed daemon). Server and client lookups inside the RPC layer report in domain RPC;
 * the admin dispatcher's own lookups (procedures 7, 10, 13) and its flag checks in domain ADMIN.
 */
final class AdminErrors {

    private AdminErrors() {
    }

    /** {@code virCheckFlags(0, ...)} in the named C function. */
    static void checkFlags(long flags, String function) throws AdminFailure {
        if (flags != 0) {
            throw new AdminFailure(RpcError.unsupportedFlags(ErrorDomain.ADMIN, (int) flags, function));
        }
    }

    /** {@code virNetDaemonGetServer}. */
    static AdminFailure noServer(String name) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.NO_SERVER, ErrorDomain.RPC, "No server named '" + name + "'"));
    }

    /** The admin dispatcher's own text for a failed server lookup. */
    static AdminFailure noMatchingServer(String name) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.NO_SERVER, ErrorDomain.ADMIN,
                "no server with matching name '" + name + "' found"));
    }

    /** {@code virNetServerGetClient}. */
    static AdminFailure noClient(long id) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.NO_CLIENT, ErrorDomain.RPC,
                "No client with matching ID '" + Long.toUnsignedString(id) + "'"));
    }

    /** The admin dispatcher's own text for a failed client lookup. */
    static AdminFailure noMatchingClient(long id) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.NO_CLIENT, ErrorDomain.ADMIN,
                "no client with matching id '" + Long.toUnsignedString(id) + "' found"));
    }

    /** {@code virNetServerClientGetInfo} for a client that never made a call. */
    static AdminFailure noIdentity() {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "No identity information available for client"));
    }

    /** {@code virNetServerUpdateTlsFiles}: virtlockd's servers have no TLS service. */
    static AdminFailure noTls() {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "no tls service found, unable to update tls files"));
    }

    /** {@code virNetServerSetClientLimits}. */
    static AdminFailure unauthAboveMax() {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INVALID_ARG, ErrorDomain.RPC,
                "The overall maximum number of clients waiting for authentication must not be less than "
                        + "the overall maximum number of clients"));
    }

    /** {@code virThreadPoolSetParameters} (domain none). */
    static AdminFailure invalidThreadPool(String detail) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INVALID_ARG, ErrorDomain.NONE, detail));
    }

    /** The generated dispatcher's check of a reply list against its XDR limit. */
    static AdminFailure tooMany(String what, int count, int limit) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.ADMIN,
                "Too many " + what + " '" + count + "' for limit '" + limit + "'"));
    }

    /** A service this daemon lacks in a framework that does not provide it; libvirt always has it. */
    static AdminFailure unavailable(String service) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.ADMIN,
                "no " + service + " service is available in this daemon"));
    }
}
