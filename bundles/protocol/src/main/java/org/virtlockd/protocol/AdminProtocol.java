package org.virtlockd.protocol;

/**
 * Constants of the admin program ({@code src/admin/admin_protocol.x}), served on
 * {@code virtlockd-admin-sock}. Procedures are in {@link AdminProcedure}; strings are at most
 * {@link Limits#ADMIN_STRING_MAX} bytes; the array limits are the {@code ADMIN_*_MAX} values in
 * {@link Limits}.
 */
public final class AdminProtocol {
    /** {@code ADMIN_PROGRAM}. */
    public static final int PROGRAM = 0x06900690;
    /** {@code ADMIN_PROTOCOL_VERSION}. */
    public static final int VERSION = 1;
    /** {@code VIR_CLIENT_TRANS_UNIX}: the transport of a client on a UNIX socket. */
    public static final int TRANSPORT_UNIX = 0;
    /** {@code VIR_CLIENT_TRANS_TCP}. */
    public static final int TRANSPORT_TCP = 1;
    /** {@code VIR_CLIENT_TRANS_TLS}. */
    public static final int TRANSPORT_TLS = 2;

    private AdminProtocol() {
    }
}
