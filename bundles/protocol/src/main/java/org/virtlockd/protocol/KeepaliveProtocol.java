package org.virtlockd.protocol;

/**
 * The keepalive program ({@code src/rpc/virkeepaliveprotocol.x}): type MESSAGE, serial 0, status OK,
 * empty payload, so every keepalive frame is 28 bytes. virtlockd never pings but answers every PING.
 */
public final class KeepaliveProtocol {
    /** {@code KEEPALIVE_PROGRAM}: ASCII "keep". */
    public static final int PROGRAM = 0x6B656570;
    /** {@code KEEPALIVE_PROTOCOL_VERSION}. */
    public static final int VERSION = 1;
    /** {@code KEEPALIVE_PROC_PING}. */
    public static final int PROC_PING = 1;
    /** {@code KEEPALIVE_PROC_PONG}. */
    public static final int PROC_PONG = 2;

    private KeepaliveProtocol() {
    }

    /** @return whether the header is a keepalive PING (program, version, type MESSAGE, proc PING) */
    public static boolean isPing(Header header) {
        return header.prog() == PROGRAM && header.vers() == VERSION
                && header.type() == MessageType.MESSAGE.code() && header.proc() == PROC_PING;
    }

    /** @return the header of a PING */
    public static Header ping() {
        return message(PROC_PING);
    }

    /** @return the header of a PONG, the answer to any PING */
    public static Header pong() {
        return message(PROC_PONG);
    }

    private static Header message(int proc) {
        return new Header(PROGRAM, VERSION, proc, MessageType.MESSAGE.code(), 0, MessageStatus.OK.code());
    }
}
