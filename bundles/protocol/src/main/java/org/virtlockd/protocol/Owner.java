package org.virtlockd.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * The lock owner, {@code virLockSpaceProtocolOwner}: normally a QEMU process of a domain.
 *
 * <table>
 *   <caption>Owner layout</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>opaque[16]</td><td>uuid (no length word)</td></tr>
 *   <tr><td>string&lt;65536&gt;</td><td>name</td></tr>
 *   <tr><td>unsigned int</td><td>id (domain id; 0 means "not registered")</td></tr>
 *   <tr><td>unsigned int</td><td>pid</td></tr>
 * </table>
 *
 * @param uuid the domain UUID, its 16 bytes in wire order
 * @param name the domain name
 * @param id the domain id, 0 to 2<sup>32</sup>-1
 * @param pid the owner process id, 0 to 2<sup>32</sup>-1
 */
public record Owner(UUID uuid, String name, long id, long pid) {

    /** Checks that the fields are present and the numbers fit an {@code unsigned int}. */
    public Owner {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        if (id < 0 || id > 0xFFFF_FFFFL || pid < 0 || pid > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("owner id and pid must be unsigned 32-bit: id=" + id + ", pid=" + pid);
        }
    }

    /** Reads the record. */
    public static Owner decode(XdrReader reader) throws XdrException {
        ByteBuffer raw = ByteBuffer.wrap(reader.readOpaqueFixed(Limits.UUID_LEN));
        UUID uuid = new UUID(raw.getLong(), raw.getLong());
        String name = reader.readString(Limits.LOCK_STRING_MAX);
        return new Owner(uuid, name, reader.readUnsignedInt(), reader.readUnsignedInt());
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        byte[] raw = ByteBuffer.allocate(Limits.UUID_LEN)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        writer.writeOpaqueFixed(raw, Limits.UUID_LEN).writeString(name, Limits.LOCK_STRING_MAX)
                .writeUnsignedInt(id).writeUnsignedInt(pid);
    }
}
