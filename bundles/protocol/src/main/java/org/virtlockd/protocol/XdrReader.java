package org.virtlockd.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.virtlockd.api.RawStrings;

/**
 * XDR decoder over a slice of bytes. Every read first checks that the bytes are there and that a declared
 * length or count is within the maximum the caller names, and only then allocates; a failed check throws
 * {@link XdrException}. The reader follows libvirt's C decoders (libtirpc) where they are lenient:
 * padding bytes are skipped unread, any non-zero {@code bool} (and optional-data flag) means true, and a
 * string ends at its first NUL byte, because libvirt's code only ever sees the C string up to there.
 */
public final class XdrReader {
    private final ByteBuffer buffer;

    /** @param source the bytes from its position to its limit; the source's position is not moved */
    public XdrReader(ByteBuffer source) {
        this.buffer = source.slice().order(ByteOrder.BIG_ENDIAN);
    }

    /** @param source all of it */
    public XdrReader(byte[] source) {
        this(ByteBuffer.wrap(source));
    }

    /** @return bytes not yet read */
    public int remaining() {
        return buffer.remaining();
    }

    /** @return bytes read so far */
    public int position() {
        return buffer.position();
    }

    /** @return a signed XDR {@code int} (also the raw bits of an {@code unsigned int} used as a bit set) */
    public int readInt() throws XdrException {
        require(4, "int");
        return buffer.getInt();
    }

    /** @return an XDR {@code unsigned int}, 0 to 2<sup>32</sup>-1 */
    public long readUnsignedInt() throws XdrException {
        return Integer.toUnsignedLong(readInt());
    }

    /** @return an XDR {@code hyper} */
    public long readHyper() throws XdrException {
        require(8, "hyper");
        return buffer.getLong();
    }

    /** @return an XDR {@code unsigned hyper} as raw bits (print it with {@code Long.toUnsignedString}) */
    public long readUnsignedHyper() throws XdrException {
        return readHyper();
    }

    /** @return an XDR {@code bool}: zero is false, anything else true (as libtirpc's {@code xdr_bool}) */
    public boolean readBool() throws XdrException {
        return readInt() != 0;
    }

    /** @return an XDR {@code double} */
    public double readDouble() throws XdrException {
        return Double.longBitsToDouble(readHyper());
    }

    /** @return {@code length} bytes of fixed-length opaque data, padding skipped */
    public byte[] readOpaqueFixed(int length) throws XdrException {
        if (length < 0) {
            throw new IllegalArgumentException("negative fixed opaque length " + length);
        }
        long padded = ((long) length + 3) & ~3L;
        require(padded, "fixed opaque of " + length + " bytes");
        byte[] value = new byte[length];
        buffer.get(value);
        buffer.position(buffer.position() + (int) (padded - length));
        return value;
    }

    /** @return variable-length opaque data of at most {@code max} bytes */
    public byte[] readOpaque(int max) throws XdrException {
        long length = readUnsignedInt();
        if (length > max) {
            throw new XdrException("declared length " + length + " exceeds the maximum " + max);
        }
        return readOpaqueFixed((int) length);
    }

    /**
     * @param max most bytes the string may have on the wire
     * @return the string up to its first NUL, decoded by {@link RawStrings#fromBytes}
     */
    public String readString(int max) throws XdrException {
        byte[] bytes = readOpaque(max);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return RawStrings.fromBytes(Arrays.copyOf(bytes, i));
            }
        }
        return RawStrings.fromBytes(bytes);
    }

    /** @return an optional string ({@code string *}), {@code null} when absent */
    public String readOptionalString(int max) throws XdrException {
        return readOptionalFlag() ? readString(max) : null;
    }

    /** @return the flag that opens optional data ({@code *} in XDR): whether the item follows */
    public boolean readOptionalFlag() throws XdrException {
        return readBool();
    }

    /**
     * A variable-length array. The count is checked against {@code max} and against the bytes left before
     * the list is sized; that second check assumes every element takes at least four bytes, which holds
     * for every array in the three programs.
     */
    public <T> List<T> readArray(int max, XdrDecoder<T> element) throws XdrException {
        long count = readUnsignedInt();
        if (count > max) {
            throw new XdrException("declared count " + count + " exceeds the maximum " + max);
        }
        if (count > buffer.remaining() / 4) {
            throw new XdrException("declared count " + count + " cannot fit in " + buffer.remaining() + " bytes");
        }
        List<T> values = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            values.add(element.decode(this));
        }
        return values;
    }

    private void require(long bytes, String what) throws XdrException {
        if (bytes > buffer.remaining()) {
            throw new XdrException("truncated " + what + ": needs " + bytes + " bytes, " + buffer.remaining() + " left");
        }
    }
}
