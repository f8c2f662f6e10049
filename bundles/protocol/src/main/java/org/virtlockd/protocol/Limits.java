package org.virtlockd.protocol;

/**
 * Every size limit of the wire, named as in libvirt 9.0.0 and checked before anything is allocated.
 * Sources: {@code src/rpc/virnetprotocol.x}, {@code src/locking/lock_protocol.x},
 * {@code src/admin/admin_protocol.x}, {@code src/util/viruuid.h}.
 */
public final class Limits {
    /** {@code VIR_NET_MESSAGE_LEN_MAX} (virnetprotocol.x): size of the length word that opens every frame. */
    public static final int MESSAGE_LEN_MAX = 4;
    /** {@code VIR_NET_MESSAGE_INITIAL} (virnetprotocol.x): initial buffer for header and payload. */
    public static final int MESSAGE_INITIAL = 65536;
    /** {@code VIR_NET_MESSAGE_MAX} (virnetprotocol.x): most bytes of header plus payload in one frame. */
    public static final int MESSAGE_MAX = 33554432;
    /** {@code VIR_NET_MESSAGE_HEADER_MAX} (virnetprotocol.x): the header is six XDR ints. */
    public static final int HEADER_SIZE = 24;
    /** {@code VIR_NET_MESSAGE_PAYLOAD_MAX} (virnetprotocol.x): MESSAGE_MAX less header and length word. */
    public static final int PAYLOAD_MAX = MESSAGE_MAX - HEADER_SIZE - MESSAGE_LEN_MAX;
    /** Smallest legal value of the length word: length word plus header, empty payload. */
    public static final int FRAME_MIN = MESSAGE_LEN_MAX + HEADER_SIZE;
    /** {@code VIR_NET_MESSAGE_STRING_MAX} (virnetprotocol.x): strings of the error struct. */
    public static final int STRING_MAX = 4194304;
    /** {@code VIR_NET_MESSAGE_NUM_FDS_MAX} (virnetprotocol.x): descriptors announced by a *_WITH_FDS message. */
    public static final int NUM_FDS_MAX = 32;
    /** {@code VIR_UUID_BUFLEN} (viruuid.h): raw UUID bytes, fixed opaque without length prefix. */
    public static final int UUID_LEN = 16;
    /** {@code VIR_LOCK_SPACE_PROTOCOL_STRING_MAX} (lock_protocol.x): every string of the lock program. */
    public static final int LOCK_STRING_MAX = 65536;
    /** {@code ADMIN_STRING_MAX} (admin_protocol.x): every string of the admin program. */
    public static final int ADMIN_STRING_MAX = 4194304;
    /** {@code ADMIN_SERVER_LIST_MAX} (admin_protocol.x): servers in a CONNECT_LIST_SERVERS reply. */
    public static final int ADMIN_SERVER_LIST_MAX = 16384;
    /** {@code ADMIN_CLIENT_LIST_MAX} (admin_protocol.x): clients in a SERVER_LIST_CLIENTS reply. */
    public static final int ADMIN_CLIENT_LIST_MAX = 16384;
    /** {@code ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX} (admin_protocol.x): thread-pool typed parameters. */
    public static final int ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX = 32;
    /** {@code ADMIN_CLIENT_INFO_PARAMETERS_MAX} (admin_protocol.x): CLIENT_GET_INFO typed parameters. */
    public static final int ADMIN_CLIENT_INFO_PARAMETERS_MAX = 64;
    /** {@code ADMIN_SERVER_CLIENT_LIMITS_MAX} (admin_protocol.x): client-limit typed parameters. */
    public static final int ADMIN_SERVER_CLIENT_LIMITS_MAX = 32;

    private Limits() {
    }
}
