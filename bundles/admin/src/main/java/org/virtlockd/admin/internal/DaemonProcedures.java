package org.virtlockd.admin.internal;

import java.util.List;
import java.util.function.Supplier;

import org.virtlockd.lifecycle.IdleTimeout;
import org.virtlockd.logging.LogControl;
import org.virtlockd.logging.LogSettingsException;
import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.Limits;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.XdrException;
import org.virtlockd.protocol.XdrReader;
import org.virtlockd.transport.RpcResult;

/** Procedures 1 to 3, 14 to 17 and 19: the connection, the library version, logging and the idle timeout. */
final class DaemonProcedures {

    /** {@code LIBVIR_VERSION_NUMBER} of libvirt 9.0.0, whose admin protocol this is. */
    static final long LIBRARY_VERSION = 9_000_000L;

    private final Supplier<LogControl> logging;
    private final Supplier<IdleTimeout> idleTimeout;

    DaemonProcedures(Supplier<LogControl> logging, Supplier<IdleTimeout> idleTimeout) {
        this.logging = logging;
        this.idleTimeout = idleTimeout;
    }

    /** 1: no per-connection state; only the flags are checked. */
    RpcResult open(XdrReader in) throws XdrException, AdminFailure {
        AdminErrors.checkFlags(in.readUnsignedInt(), "adminDispatchConnectOpen");
        return RpcResult.ok();
    }

    /** 2: the reply is sent, then the connection closed. */
    RpcResult close() {
        return RpcResult.ok().thenClose();
    }

    /** 3. */
    RpcResult libraryVersion() {
        return RpcResult.ok(w -> w.writeUnsignedHyper(LIBRARY_VERSION));
    }

    /** 14: the outputs separated by spaces, and their number. */
    RpcResult getOutputs(XdrReader in) throws XdrException, AdminFailure {
        AdminErrors.checkFlags(in.readUnsignedInt(), "adminConnectGetLoggingOutputs");
        List<String> outputs = logging().outputs();
        return RpcResult.ok(w -> w.writeString(String.join(" ", outputs), Limits.ADMIN_STRING_MAX)
                .writeUnsignedInt(outputs.size()));
    }

    /** 15: each filter followed by a space; none: an absent string and 0. */
    RpcResult getFilters(XdrReader in) throws XdrException, AdminFailure {
        AdminErrors.checkFlags(in.readUnsignedInt(), "adminConnectGetLoggingFilters");
        List<String> filters = logging().filters();
        StringBuilder text = new StringBuilder();
        filters.forEach(f -> text.append(f).append(' '));
        String listed = filters.isEmpty() ? null : text.toString();
        return RpcResult.ok(w -> w.writeOptionalString(listed, Limits.ADMIN_STRING_MAX).writeUnsignedInt(filters.size()));
    }

    /** 16: absent or empty restores the default output. */
    RpcResult setOutputs(XdrReader in) throws XdrException, AdminFailure {
        String outputs = in.readOptionalString(Limits.ADMIN_STRING_MAX);
        AdminErrors.checkFlags(in.readUnsignedInt(), "adminConnectSetLoggingOutputs");
        try {
            logging().setOutputs(outputs);
        } catch (LogSettingsException e) {
            throw failure(e);
        }
        return RpcResult.ok();
    }

    /** 17: absent or empty removes every filter. */
    RpcResult setFilters(XdrReader in) throws XdrException, AdminFailure {
        String filters = in.readOptionalString(Limits.ADMIN_STRING_MAX);
        AdminErrors.checkFlags(in.readUnsignedInt(), "adminConnectSetLoggingFilters");
        try {
            logging().setFilters(filters);
        } catch (LogSettingsException e) {
            throw failure(e);
        }
        return RpcResult.ok();
    }

    /**
     * 19: 0 disables the idle shutdown. libvirt takes any unsigned value (and overflows its millisecond
     * timer beyond {@link IdleTimeout#MAX_SECONDS}); here such a value becomes that maximum, about 25 days.
     */
    RpcResult setTimeout(XdrReader in) throws XdrException, AdminFailure {
        long timeout = in.readUnsignedInt();
        AdminErrors.checkFlags(in.readUnsignedInt(), "adminConnectSetDaemonTimeout");
        IdleTimeout service = idleTimeout.get();
        if (service == null) {
            throw AdminErrors.unavailable("idle timeout (" + IdleTimeout.class.getName() + ")");
        }
        service.setTimeoutSeconds((int) Math.min(timeout, IdleTimeout.MAX_SECONDS));
        return RpcResult.ok();
    }

    private LogControl logging() throws AdminFailure {
        LogControl control = logging.get();
        if (control == null) {
            throw AdminErrors.unavailable("logging control (" + LogControl.class.getName() + ")");
        }
        return control;
    }

    /** libvirt's logging code reports in domain none: invalid arguments, or a failed open with its errno. */
    static AdminFailure failure(LogSettingsException e) {
        if (e.isSystemError()) {
            return new AdminFailure(RpcError.system(ErrorDomain.NONE, e.detail(), e.errno(), e.reason()));
        }
        return new AdminFailure(RpcError.ordinary(ErrorCode.INVALID_ARG, ErrorDomain.NONE, e.detail()));
    }
}
