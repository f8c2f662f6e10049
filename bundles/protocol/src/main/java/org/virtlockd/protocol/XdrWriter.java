package org.virtlockd.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import org.virtlockd.api.RawStrings;

/**
 * XDR encoder (RFC 4506) into a growable buffer: big-endian, every item padded with zero bytes to a
 * multiple of four. Limits are the caller's: a value over the limit it names is a programming error
 * ({@link IllegalArgumentException}), since libvirt would fail to encode it as well.
 */
public final class XdrWriter {
    private static final int INITIAL_CAPACITY = 256;

    private byte[] buffer;
    private int size;

    /** Creates an empty writer. */
    public XdrWriter() {
        buffer = new byte[INITIAL_CAPACITY];
    }

    /** @return bytes written so far */
    public int size() {
        return size;
    }

    /** @param value a signed 32-bit XDR {@code int} (also {@code unsigned int} given as raw bits) */
    public XdrWriter writeInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    /** @param value an XDR {@code unsigned int}, 0 to 2<sup>32</sup>-1 */
    public XdrWriter writeUnsignedInt(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("unsigned int out of range: " + value);
        }
        return writeInt((int) value);
    }

    /** @param value an XDR {@code hyper} (also {@code unsigned hyper} given as raw bits) */
    public XdrWriter writeHyper(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** @param rawBits an XDR {@code unsigned hyper}, its 64 bits as they are (read it with {@code Long.toUnsignedString}) */
    public XdrWriter writeUnsignedHyper(long rawBits) {
        return writeHyper(rawBits);
    }

    /** @param value an XDR {@code bool}: 1 or 0 */
    public XdrWriter writeBool(boolean value) {
        return writeInt(value ? 1 : 0);
    }

    /** @param value an XDR {@code double} (IEEE 754, big-endian) */
    public XdrWriter writeDouble(double value) {
        return writeHyper(Double.doubleToRawLongBits(value));
    }

    /**
     * Fixed-length opaque: the bytes and their padding, no length word.
     *
     * @param value the bytes
     * @param length the length the protocol fixes; {@code value} must have exactly this length
     */
    public XdrWriter writeOpaqueFixed(byte[] value, int length) {
        if (value.length != length) {
            throw new IllegalArgumentException("fixed opaque needs " + length + " bytes, got " + value.length);
        }
        ensure(length + 3);
        System.arraycopy(value, 0, buffer, size, length);
        size += length;
        pad(length);
        return this;
    }

    /** Variable-length opaque: length word, bytes, padding; {@code value.length} must not exceed {@code max}. */
    public XdrWriter writeOpaque(byte[] value, int max) {
        if (value.length > max) {
            throw new IllegalArgumentException("opaque of " + value.length + " bytes exceeds its maximum " + max);
        }
        writeInt(value.length);
        return writeOpaqueFixed(value, value.length);
    }

    /** A string as its bytes by {@link RawStrings#toBytes} (UTF-8, escapes as raw bytes); at most {@code max} bytes. */
    public XdrWriter writeString(String value, int max) {
        return writeOpaque(RawStrings.toBytes(value), max);
    }

    /** An optional string ({@code string *}): flag 0 for {@code null}, else flag 1 and the string. */
    public XdrWriter writeOptionalString(String value, int max) {
        if (value == null) {
            return writeInt(0);
        }
        writeInt(1);
        return writeString(value, max);
    }

    /** A variable-length array: element count, then each element written by {@code element}. */
    public <T> XdrWriter writeArray(List<T> values, int max, BiConsumer<XdrWriter, T> element) {
        if (values.size() > max) {
            throw new IllegalArgumentException("array of " + values.size() + " elements exceeds its maximum " + max);
        }
        writeInt(values.size());
        values.forEach(value -> element.accept(this, value));
        return this;
    }

    /** @return a copy of the bytes written */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** @return a read-only big-endian view of the bytes written (no copy; later writes may not show) */
    public ByteBuffer toByteBuffer() {
        return ByteBuffer.wrap(buffer, 0, size).slice().asReadOnlyBuffer();
    }

    /** Overwrites four bytes already written; for the length word of a frame. */
    void patchInt(int offset, int value) {
        if (offset < 0 || offset + 4 > size) {
            throw new IndexOutOfBoundsException("patch at " + offset + " outside " + size + " written bytes");
        }
        buffer[offset] = (byte) (value >>> 24);
        buffer[offset + 1] = (byte) (value >>> 16);
        buffer[offset + 2] = (byte) (value >>> 8);
        buffer[offset + 3] = (byte) value;
    }

    private void pad(int length) {
        int padding = (4 - (length & 3)) & 3;
        for (int i = 0; i < padding; i++) {
            buffer[size++] = 0;
        }
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("XDR buffer would exceed " + (Integer.MAX_VALUE - 8) + " bytes");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * buffer.length)));
        }
    }
}
