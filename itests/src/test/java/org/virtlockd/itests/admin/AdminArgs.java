package org.virtlockd.itests.admin;

/**
 * The admin program's procedure numbers (admin_protocol.x), written down again for the scenarios; their argument
 * records are {@link org.virtlockd.protocol.AdminCallArgs} (the protocol module's test jar).
 */
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
}
