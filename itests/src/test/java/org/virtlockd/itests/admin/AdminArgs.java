package org.virtlockd.itests.admin;

import java.util.List;
import java.util.function.Consumer;

import org.virtlockd.protocol.Limits;
import org.virtlockd.protocol.TypedParam;
import org.virtlockd.protocol.XdrWriter;

/** Argument records of the admin program (admin_protocol.x), written for the scenarios. */
final class AdminArgs {

    static final int OPEN = 1;
    static final int CLOSE = 2;
    static final int LIB_VERSION = 3;
    static final int LIST_SERVERS = 4;
    static final int LOOKUP_SERVER = 5;
    static final int GET_THREADPOOL = 6;
    static final int SET_THREADPOOL = 7;
    static final int LIST_CLIENTS = 8;
    static final int LOOKUP_CLIENT = 9;
    static final int CLIENT_INFO = 10;
    static final int CLIENT_CLOSE = 11;
    static final int GET_CLIENT_LIMITS = 12;
    static final int SET_CLIENT_LIMITS = 13;
    static final int GET_OUTPUTS = 14;
    static final int GET_FILTERS = 15;
    static final int SET_OUTPUTS = 16;
    static final int SET_FILTERS = 17;
    static final int UPDATE_TLS = 18;
    static final int SET_TIMEOUT = 19;

    private AdminArgs() {
    }

    static Consumer<XdrWriter> none() {
        return w -> { };
    }

    static Consumer<XdrWriter> words(long... values) {
        return w -> {
            for (long v : values) {
                w.writeUnsignedInt(v);
            }
        };
    }

    static Consumer<XdrWriter> name(String name, long flags) {
        return w -> w.writeString(name, Limits.ADMIN_STRING_MAX).writeUnsignedInt(flags);
    }

    static Consumer<XdrWriter> list(String server, long needResults, long flags) {
        return w -> w.writeString(server, Limits.ADMIN_STRING_MAX).writeUnsignedInt(needResults).writeUnsignedInt(flags);
    }

    static Consumer<XdrWriter> lookup(String server, long id, long flags) {
        return w -> w.writeString(server, Limits.ADMIN_STRING_MAX).writeUnsignedHyper(id).writeUnsignedInt(flags);
    }

    /** A client record as virt-admin passes it on (timestamp and transport as the daemon gave them, here 0). */
    static Consumer<XdrWriter> client(String server, long id, long flags) {
        return w -> w.writeString(server, Limits.ADMIN_STRING_MAX).writeUnsignedHyper(id).writeHyper(0).writeUnsignedInt(0)
                .writeUnsignedInt(flags);
    }

    static Consumer<XdrWriter> params(String server, long flags, TypedParam... params) {
        return w -> {
            w.writeString(server, Limits.ADMIN_STRING_MAX);
            TypedParam.encodeArray(w, List.of(params), Limits.ADMIN_SERVER_CLIENT_LIMITS_MAX);
            w.writeUnsignedInt(flags);
        };
    }

    static Consumer<XdrWriter> text(String value, long flags) {
        return w -> w.writeOptionalString(value, Limits.ADMIN_STRING_MAX).writeUnsignedInt(flags);
    }

    static TypedParam uint(String field, long value) {
        return new TypedParam.UIntParam(field, value);
    }
}
