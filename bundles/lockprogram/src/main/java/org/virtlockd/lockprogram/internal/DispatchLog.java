package org.virtlockd.lockprogram.internal;

import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The lock program's log: the OSGi Log Service when one is present, else {@link System.Logger}. Logger
 * names are libvirt's log modules: {@code locking.lock_daemon_dispatch} for the handlers' debug lines,
 * {@code util.error} for the errors sent (libvirt logs every error it raises there).
 */
class DispatchLog {

    static final String DISPATCH = "locking.lock_daemon_dispatch";
    static final String ERROR = "util.error";

    private final Supplier<LoggerFactory> factory;

    DispatchLog(Supplier<LoggerFactory> factory) {
        this.factory = factory;
    }

    void debug(String message) {
        Logger logger = logger(DISPATCH);
        if (logger != null) {
            logger.debug(message);
        } else {
            System.getLogger(DISPATCH).log(System.Logger.Level.DEBUG, message);
        }
    }

    void error(String message) {
        Logger logger = logger(ERROR);
        if (logger != null) {
            logger.error(message);
        } else {
            System.getLogger(ERROR).log(System.Logger.Level.ERROR, message);
        }
    }

    private Logger logger(String name) {
        LoggerFactory current = factory.get();
        return current == null ? null : current.getLogger(name);
    }
}
