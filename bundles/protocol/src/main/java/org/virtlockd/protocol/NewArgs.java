package org.virtlockd.protocol;

import java.util.Objects;

/**
 * Arguments of {@link LockProcedure#NEW}, {@code virLockSpaceProtocolNewArgs}.
 *
 * <table>
 *   <caption>NEW arguments</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>string&lt;65536&gt;</td><td>path (lockspace key)</td></tr>
 *   <tr><td>unsigned int</td><td>flags (none allowed)</td></tr>
 * </table>
 *
 * @param path the lockspace directory, exactly as given
 * @param flags raw flag bits
 */
public record NewArgs(String path, int flags) {

    /** Checks that the path is present. */
    public NewArgs {
        Objects.requireNonNull(path, "path");
    }

    /** Reads the record. */
    public static NewArgs decode(XdrReader reader) throws XdrException {
        return new NewArgs(reader.readString(Limits.LOCK_STRING_MAX), reader.readInt());
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        writer.writeString(path, Limits.LOCK_STRING_MAX).writeInt(flags);
    }
}
