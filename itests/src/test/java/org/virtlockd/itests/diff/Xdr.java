package org.virtlockd.itests.diff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Hand-built XDR payloads, so that malformed ones can be written as easily as good ones. */
final class Xdr {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Xdr of() {
        return new Xdr();
    }

    Xdr word(long value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
        return this;
    }

    /** Raw bytes, no length word, no padding. */
    Xdr raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Xdr string(String value) {
        return opaque(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A variable-length opaque (XDR string on the wire): length word, bytes, zero padding. */
    Xdr opaque(byte[] value) {
        word(value.length);
        out.writeBytes(value);
        out.writeBytes(new byte[(4 - value.length % 4) % 4]);
        return this;
    }

    Xdr uuid(UUID uuid) {
        out.writeBytes(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
