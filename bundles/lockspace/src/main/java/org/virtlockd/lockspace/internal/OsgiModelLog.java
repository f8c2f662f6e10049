package org.virtlockd.lockspace.internal;

import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link ModelLog} on the OSGi Log Service when one is present, else on {@link System.Logger}. The
 * logger names are libvirt's log module names, so that libvirt-style log filters apply.
 */
final class OsgiModelLog implements ModelLog {

    private final String name;
    private final Supplier<LoggerFactory> factory;

    OsgiModelLog(String name, Supplier<LoggerFactory> factory) {
        this.name = name;
        this.factory = factory;
    }

    @Override
    public void warn(String message) {
        Logger logger = logger();
        if (logger != null) {
            logger.warn(message);
        } else {
            System.getLogger(name).log(System.Logger.Level.WARNING, message);
        }
    }

    @Override
    public void debug(String message) {
        Logger logger = logger();
        if (logger != null) {
            logger.debug(message);
        } else {
            System.getLogger(name).log(System.Logger.Level.DEBUG, message);
        }
    }

    private Logger logger() {
        LoggerFactory current = factory.get();
        return current == null ? null : current.getLogger(name);
    }
}
