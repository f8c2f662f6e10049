package org.virtlockd.shell.internal;

import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** The shell's log: the OSGi Log Service when present (log source {@value #NAME}), else nothing but warnings on stderr. */
final class ShellLog {

    static final String NAME = "shell";

    private final Supplier<LoggerFactory> factory;

    ShellLog(Supplier<LoggerFactory> factory) {
        this.factory = factory;
    }

    void debug(String message) {
        Logger logger = logger();
        if (logger != null) {
            logger.debug(message);
        }
    }

    void info(String message) {
        Logger logger = logger();
        if (logger != null) {
            logger.info(message);
        }
    }

    void warn(String message) {
        Logger logger = logger();
        if (logger != null) {
            logger.warn(message);
        } else {
            System.err.println("virtlockd shell: " + message);
        }
    }

    private Logger logger() {
        LoggerFactory current = factory.get();
        return current == null ? null : current.getLogger(NAME);
    }
}
