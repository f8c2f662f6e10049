package org.virtlockd.protocol;

import java.util.Objects;

/**
 * Arguments of {@link LockProcedure#CREATE_LOCKSPACE}, {@code virLockSpaceProtocolCreateLockSpaceArgs}.
 *
 * <table>
 *   <caption>CREATE_LOCKSPACE arguments</caption>
 *   <tr><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>string&lt;65536&gt;</td><td>path (no flags field)</td></tr>
 * </table>
 *
 * @param path the lockspace directory, exactly as given
 */
public record CreateLockspaceArgs(String path) {

    /** Checks that the path is present. */
    public CreateLockspaceArgs {
        Objects.requireNonNull(path, "path");
    }

    /** Reads the record. */
    public static CreateLockspaceArgs decode(XdrReader reader) throws XdrException {
        return new CreateLockspaceArgs(reader.readString(Limits.LOCK_STRING_MAX));
    }

    /** Writes the record. */
    public void encode(XdrWriter writer) {
        writer.writeString(path, Limits.LOCK_STRING_MAX);
    }
}
