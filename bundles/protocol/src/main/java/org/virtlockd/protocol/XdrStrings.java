package org.virtlockd.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How XDR strings become Java strings and back: UTF-8, byte-preserving.
 *
 * <p>libvirt treats these strings as C strings: lockspace keys and resource names are compared byte for
 * byte and become file names as they are. Decoding with a replacement character would make two different
 * invalid names equal and would lock a different file than libvirt does. So valid UTF-8 decodes exactly as
 * {@code new String(bytes, UTF_8)} does, and every byte of an invalid sequence becomes the lone surrogate
 * {@code U+DC80..U+DCFF} (the "surrogateescape" scheme); {@link #toBytes} turns those back into the original
 * bytes, so any byte string survives decode and encode unchanged. Other code that needs the raw bytes of a
 * decoded name (file system calls through jnr, hashing) must use {@link #toBytes}, not
 * {@code String.getBytes}.
 */
public final class XdrStrings {
    private static final int ESCAPE_BASE = 0xDC00;

    private XdrStrings() {
    }

    /**
     * @param bytes the raw string bytes as received
     * @return the string; invalid UTF-8 bytes are kept as escape characters
     */
    public static String fromBytes(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (ESCAPE_BASE | (in.get() & 0xFF)));
            }
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * @param value a string, possibly holding escape characters made by {@link #fromBytes}
     * @return its bytes: UTF-8, with escape characters turned back into their original byte; other lone
     *     surrogates (which cannot come from {@link #fromBytes}) become {@code '?'}, as {@code getBytes} does
     */
    public static byte[] toBytes(String value) {
        if (value.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        ByteBuffer out = ByteBuffer.allocate(value.length() * 3);
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.put(new String(new char[] {c, value.charAt(i + 1)}).getBytes(StandardCharsets.UTF_8));
                i += 2;
                continue;
            }
            if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xFF) {
                out.put((byte) c);
            } else if (Character.isSurrogate(c)) {
                out.put((byte) '?');
            } else if (c < 0x80) {
                out.put((byte) c);
            } else {
                out.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
            i++;
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }
}
