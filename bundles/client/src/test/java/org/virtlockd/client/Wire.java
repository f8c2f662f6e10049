package org.virtlockd.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hand-built wire bytes for the fake daemon, independent of the protocol module's encoder. */
final class Wire {
    static final int LOCK_PROGRAM = 0x0EA7BEEF;
    static final int KEEPALIVE = 0x6B656570;
    static final int CALL = 0;
    static final int REPLY = 1;
    static final int MESSAGE = 2;
    static final int STREAM = 3;
    static final int REPLY_WITH_FDS = 5;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Wire start() {
        return new Wire();
    }

    Wire word(int value) {
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(value).array());
        return this;
    }

    Wire string(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        word(b.length);
        bytes.writeBytes(b);
        bytes.writeBytes(new byte[(4 - b.length % 4) % 4]);
        return this;
    }

    /** A frame: length word, the six header words, then this builder's bytes as payload. */
    byte[] frame(int prog, int vers, int proc, int type, int serial, int status) {
        byte[] payload = bytes.toByteArray();
        return ByteBuffer.allocate(28 + payload.length).putInt(28 + payload.length).putInt(prog).putInt(vers)
                .putInt(proc).putInt(type).putInt(serial).putInt(status).put(payload).array();
    }

    /** The empty OK reply to a received lock call, header echoed as libvirt's daemon does. */
    static byte[] okReplyTo(byte[] call) {
        ByteBuffer c = ByteBuffer.wrap(call);
        return start().frame(c.getInt(4), c.getInt(8), c.getInt(12), REPLY, c.getInt(20), 0);
    }

    static int serialOf(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(20);
    }

    static int procOf(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(12);
    }

    static int progOf(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(4);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] unhex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }
}
