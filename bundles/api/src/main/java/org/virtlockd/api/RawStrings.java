package org.virtlockd.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The byte-preserving conversion between C strings and Java strings that the lock API relies on.
 *
 * <p>libvirt handles lockspace paths and resource names as C strings: it compares them byte for byte
 * and hands them to the file system as they are, whether or not they are valid UTF-8. A Java string
 * in this API therefore stands for a byte string: valid UTF-8 decodes exactly as
 * {@code new String(bytes, UTF_8)} does, and each byte of an invalid sequence becomes the lone
 * surrogate {@code U+DC80..U+DCFF} (byte {@code 0x80..0xFF} plus {@code 0xDC00}, the "surrogateescape"
 * scheme). {@link #toBytes} turns those characters back into their bytes, so that every byte string
 * survives {@code toBytes(fromBytes(bytes))} unchanged and two different byte strings never decode to
 * equal Java strings.
 *
 * <p>Code that needs the bytes of such a string (a file system call, a hash, the wire) must use
 * {@link #toBytes}, never {@code String.getBytes}, which would turn the escape characters into
 * {@code '?'}. Plain string operations (concatenation, comparison, substrings at ASCII separators such
 * as {@code '/'}) keep the escape characters intact.
 */
public final class RawStrings {

    /** Added to a byte {@code 0x80..0xFF} to make its escape character. */
    private static final int ESCAPE_BASE = 0xDC00;
    private static final char ESCAPE_FIRST = (char) (ESCAPE_BASE + 0x80);
    private static final char ESCAPE_LAST = (char) (ESCAPE_BASE + 0xFF);

    private RawStrings() {
    }

    /**
     * @param bytes a byte string (a NUL is kept as {@code U+0000}: where a C string ends is the
     *     caller's business)
     * @return the string: the bytes as UTF-8, each byte of an invalid sequence as its escape character
     */
    public static String fromBytes(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never needs more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        while (!result.isUnderflow()) {
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (ESCAPE_BASE + (in.get() & 0xFF)));
            }
            result = decoder.decode(in, out, true);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * @param value a string, possibly holding escape characters
     * @return its bytes: UTF-8, with each escape character {@code U+DC80..U+DCFF} turned back into its
     *     byte; a lone surrogate outside that range (which {@link #fromBytes} never makes) becomes
     *     {@code '?'}, as with {@code String.getBytes}
     */
    public static byte[] toBytes(String value) {
        if (!hasSurrogates(value)) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() * 3);
        int start = 0; // start of the run of characters not yet written
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out.writeBytes(value.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(c >= ESCAPE_FIRST && c <= ESCAPE_LAST ? c - ESCAPE_BASE : '?');
                start = i + 1;
            }
        }
        out.writeBytes(value.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean hasSurrogates(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
