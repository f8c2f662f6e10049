package org.virtlockd.protocol;

import java.util.Optional;

/** Procedures of the admin program ({@code admin_procedure} in admin_protocol.x), numbered 1 to 19. */
public enum AdminProcedure {
    /** flags → empty. */
    CONNECT_OPEN,
    /** none → empty; the server closes the connection after the reply. */
    CONNECT_CLOSE,
    /** none → unsigned hyper libVer. */
    CONNECT_GET_LIB_VERSION,
    /** need_results, flags → {@link AdminServer}&lt;&gt;, ret. */
    CONNECT_LIST_SERVERS,
    /** name, flags → {@link AdminServer}. */
    CONNECT_LOOKUP_SERVER,
    /** server, flags → {@link TypedParam}&lt;&gt;. */
    SERVER_GET_THREADPOOL_PARAMETERS,
    /** server, {@link TypedParam}&lt;&gt;, flags → empty. */
    SERVER_SET_THREADPOOL_PARAMETERS,
    /** server, need_results, flags → {@link AdminClient}&lt;&gt;, ret. */
    SERVER_LIST_CLIENTS,
    /** server, unsigned hyper id, flags → {@link AdminClient}. */
    SERVER_LOOKUP_CLIENT,
    /** client, flags → {@link TypedParam}&lt;&gt;. */
    CLIENT_GET_INFO,
    /** client, flags → empty. */
    CLIENT_CLOSE,
    /** server, flags → {@link TypedParam}&lt;&gt;. */
    SERVER_GET_CLIENT_LIMITS,
    /** server, {@link TypedParam}&lt;&gt;, flags → empty. */
    SERVER_SET_CLIENT_LIMITS,
    /** flags → outputs, noutputs. */
    CONNECT_GET_LOGGING_OUTPUTS,
    /** flags → optional filters, nfilters. */
    CONNECT_GET_LOGGING_FILTERS,
    /** optional outputs, flags → empty. */
    CONNECT_SET_LOGGING_OUTPUTS,
    /** optional filters, flags → empty. */
    CONNECT_SET_LOGGING_FILTERS,
    /** server, flags → empty (always fails on virtlockd). */
    SERVER_UPDATE_TLS_FILES,
    /** timeout, flags → empty. */
    CONNECT_SET_DAEMON_TIMEOUT;

    /** @return the procedure number in the header: declaration order, from 1 */
    public int number() {
        return ordinal() + 1;
    }

    /** @return the procedure with this number, or empty (libvirt: "unknown procedure: n") */
    public static Optional<AdminProcedure> of(int number) {
        AdminProcedure[] all = values();
        return number >= 1 && number <= all.length ? Optional.of(all[number - 1]) : Optional.empty();
    }
}
