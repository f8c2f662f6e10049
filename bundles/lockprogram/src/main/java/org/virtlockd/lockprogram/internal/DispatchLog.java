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
    /** How often the debug level is asked again: Felix Log computes it anew, with string work, on every call. */
    private static final long LEVEL_CHECK_NANOS = 1_000_000_000L;
    /** The loggers of the factory last seen: a Logger follows level changes, so it is looked up once. */
    private volatile Loggers loggers;
    private volatile boolean debugEnabled;
    private volatile long debugCheckedAt = System.nanoTime() - LEVEL_CHECK_NANOS;

    private record Loggers(LoggerFactory factory, Logger dispatch, Logger error) {
    }

    DispatchLog(Supplier<LoggerFactory> factory) {
        this.factory = factory;
    }

    /** Logs a debug line; the message is built only when debug lines are enabled (calls are the hot path). */
    void debug(Supplier<String> message) {
        Logger logger = logger(DISPATCH);
        if (logger != null) {
            long now = System.nanoTime();
            if (now - debugCheckedAt >= LEVEL_CHECK_NANOS) {
                debugEnabled = logger.isDebugEnabled();
                debugCheckedAt = now;
            }
            if (debugEnabled) {
                logger.debug(message.get());
            }
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
        if (current == null) {
            return null;
        }
        Loggers cached = loggers;
        if (cached == null || cached.factory() != current) {
            cached = new Loggers(current, current.getLogger(DISPATCH), current.getLogger(ERROR));
            loggers = cached;
        }
        return name.equals(DISPATCH) ? cached.dispatch() : cached.error();
    }
}
