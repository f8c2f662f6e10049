package org.virtlockd.itests.process;

import java.nio.ByteBuffer;

/** Hand-built frames for process tests (independent of the protocol module under test). */
final class Frames {

    private Frames() {
    }

    static byte[] message(int prog, int vers, int proc, int type, int serial, int status, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(28 + payload.length);
        b.putInt(28 + payload.length).putInt(prog).putInt(vers).putInt(proc).putInt(type).putInt(serial).putInt(status).put(payload);
        return b.array();
    }

    static byte[] ping() {
        return message(0x6B656570, 1, 1, 2, 0, 0, new byte[0]);
    }

    static byte[] pong() {
        return message(0x6B656570, 1, 2, 2, 0, 0, new byte[0]);
    }
}
