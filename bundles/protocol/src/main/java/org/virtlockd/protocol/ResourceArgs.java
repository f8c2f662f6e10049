package org.virtlockd.protocol;

import java.util.Objects;

/**
 * Arguments of the four resource procedures, which share one layout:
 * {@link LockProcedure#CREATE_RESOURCE}, {@link LockProcedure#DELETE_RESOURCE},
 * {@link LockProcedure#ACQUIRE_RESOURCE} and {@link LockProcedure#RELEASE_RESOURCE}
 * ({@code virLockSpaceProtocol{Create,Delete,Acquire,Release}ResourceArgs}).
 *
 * <table>
 *   <caption>Resource arguments</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>string&lt;65536&gt;</td><td>path (lockspace key; "" is the default lockspace)</td></tr>
 *   <tr><td>string&lt;65536&gt;</td><td>name (resource name)</td></tr>
 *   <tr><td>unsigned int</td><td>flags</td></tr>
 * </table>
 *
 * @param path the lockspace key, exactly as given
 * @param name the resource name, exactly as given
 * @param flags raw flag bits
 */
public record ResourceArgs(String path, String name, int flags) {

    /** Checks that path and name are present. */
    public ResourceArgs {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
    }

    /** Reads the record. */
    public static ResourceArgs decode(XdrReader reader) throws XdrException {
        String path = reader.readString(Limits.LOCK_STRING_MAX);
        String name = reader.readString(Limits.LOCK_STRING_MAX);
        return new ResourceArgs(path, name, reader.readInt());
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        writer.writeString(path, Limits.LOCK_STRING_MAX).writeString(name, Limits.LOCK_STRING_MAX).writeInt(flags);
    }
}
