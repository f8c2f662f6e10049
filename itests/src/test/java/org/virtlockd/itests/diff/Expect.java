package org.virtlockd.itests.diff;

import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.Frames;
import org.virtlockd.protocol.Header;
import org.virtlockd.protocol.LockProcedure;
import org.virtlockd.protocol.RpcError;

/**
 * What libvirt's daemon should answer, per the spec (sections 1.5, 1.6, 2.2, 3): used to check that a
 * scenario means what it says before its transcript is compared with ours. Built with the protocol
 * module's encoders, which have their own byte-level tests against Appendix A.
 */
@FunctionalInterface
interface Expect {

    /** @return the expected reply frame to {@code call}, or null if the reply is not checked */
    byte[] reply(Header call);

    static Expect ok() {
        return call -> Frames.okReply(call, w -> { });
    }

    static Expect error(RpcError error) {
        return call -> Frames.errorReply(call, error);
    }

    /** Compared with ours but not checked against the spec. */
    static Expect unchecked() {
        return call -> null;
    }

    static Expect flags(LockProcedure procedure, int unsupportedBits) {
        return error(RpcError.unsupportedFlags(ErrorDomain.RPC, unsupportedBits, procedure.cFunction()));
    }

    static Expect restricted() {
        return error(RpcError.ordinary(ErrorCode.OPERATION_DENIED, ErrorDomain.RPC,
                "lock manager connection has been restricted"));
    }

    static Expect notRegistered() {
        return error(RpcError.ordinary(ErrorCode.OPERATION_INVALID, ErrorDomain.RPC,
                "lock owner details have not been registered"));
    }

    static Expect noLockspace(String path) {
        return error(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "Lockspace for path " + path + " does not exist"));
    }

    static Expect defaultLockspaceExists() {
        return error(RpcError.ordinary(ErrorCode.OPERATION_INVALID, ErrorDomain.RPC,
                "the default lockspace already exists"));
    }

    static Expect lockspaceExists(String path) {
        return error(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                "Lockspace for path " + path + " already exists"));
    }

    static Expect locked(String name) {
        return error(RpcError.ordinary(ErrorCode.RESOURCE_BUSY, ErrorDomain.LOCKSPACE,
                "Lockspace resource '" + name + "' is locked"));
    }

    static Expect notLocked(String name) {
        return error(RpcError.ordinary(ErrorCode.RESOURCE_BUSY, ErrorDomain.LOCKSPACE,
                "Lockspace resource '" + name + "' is not locked"));
    }

    static Expect notOwner(long pid) {
        return error(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.LOCKSPACE,
                "owner " + pid + " does not hold the resource lock"));
    }

    static Expect notADirectory(String path) {
        return error(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.LOCKSPACE,
                "Lockspace location " + path + " exists, but is not a directory"));
    }

    /** A {@code virReportSystemError} in the lockspace domain: "detail: strerror", errno in int1. */
    static Expect system(String detail, int errno, String strerror) {
        return error(RpcError.system(ErrorDomain.LOCKSPACE, detail, errno, strerror));
    }

    static Expect rpc(String detail) {
        return error(RpcError.rpc(detail));
    }

    static Expect unknownProcedure(int proc) {
        return rpc("unknown procedure: " + proc);
    }

    /** libvirt prints program and version with {@code %d}: values above 2^31 come out negative. */
    static Expect noProgram(int prog, int vers) {
        return rpc("Cannot find program " + prog + " version " + vers);
    }

    /** libvirt prints the status with {@code %u}. */
    static Expect badStatus(int status) {
        return rpc("Unexpected message status " + Integer.toUnsignedLong(status));
    }

    static Expect undecodable() {
        return rpc("Unable to decode message payload");
    }
}
