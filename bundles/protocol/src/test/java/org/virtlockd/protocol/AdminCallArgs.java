package org.virtlockd.protocol;

import java.util.List;
import java.util.function.Consumer;

/**
 * Argument records of the admin program's calls (admin_protocol.x), written for tests: shared through the test
 * jar by the admin bundle's unit tests and the integration scenarios.
 */
public final class AdminCallArgs {

    private AdminCallArgs() {
    }

    public static Consumer<XdrWriter> none() {
        return w -> { };
    }

    public static Consumer<XdrWriter> flags(long flags) {
        return w -> w.writeUnsignedInt(flags);
    }

    public static Consumer<XdrWriter> words(long... values) {
        return w -> {
            for (long v : values) {
                w.writeUnsignedInt(v);
            }
        };
    }

    /** A server by name, and flags. */
    public static Consumer<XdrWriter> name(String name, long flags) {
        return w -> w.writeString(name, Limits.ADMIN_STRING_MAX).writeUnsignedInt(flags);
    }

    public static Consumer<XdrWriter> list(String server, long needResults, long flags) {
        return w -> w.writeString(server, Limits.ADMIN_STRING_MAX).writeUnsignedInt(needResults).writeUnsignedInt(flags);
    }

    public static Consumer<XdrWriter> lookup(String server, long id, long flags) {
        return w -> w.writeString(server, Limits.ADMIN_STRING_MAX).writeUnsignedHyper(id).writeUnsignedInt(flags);
    }

    /** A client record as virt-admin passes it on (timestamp and transport as the daemon gave them, here 0). */
    public static Consumer<XdrWriter> client(String server, long id, long flags) {
        return w -> w.writeString(server, Limits.ADMIN_STRING_MAX).writeUnsignedHyper(id).writeHyper(0).writeUnsignedInt(0)
                .writeUnsignedInt(flags);
    }

    public static Consumer<XdrWriter> params(String server, long flags, TypedParam... params) {
        return w -> {
            w.writeString(server, Limits.ADMIN_STRING_MAX);
            TypedParam.encodeArray(w, List.of(params), Limits.ADMIN_SERVER_CLIENT_LIMITS_MAX);
            w.writeUnsignedInt(flags);
        };
    }

    public static Consumer<XdrWriter> text(String value, long flags) {
        return w -> w.writeOptionalString(value, Limits.ADMIN_STRING_MAX).writeUnsignedInt(flags);
    }

    public static TypedParam.UIntParam uint(String field, long value) {
        return new TypedParam.UIntParam(field, value);
    }
}
