package org.virtlockd.launcher;

import sun.misc.Signal;

/**
 * Signal handling on JDK 17 through {@code sun.misc.Signal} (never {@code -Xrs}). SIGTERM and SIGINT stop the
 * daemon in order. SIGQUIT belongs to the JVM (thread dump) and cannot be taken. SIGHUP, which kills libvirt
 * 9.0's daemon and with it every lock, is logged and ignored. SIGPIPE is ignored by the JVM already.
 */
final class Signals {

    private Signals() {
    }

    static void install(Control control) {
        Signal.handle(new Signal("TERM"), s -> {
            Log.info("signal", "caught SIGTERM, shutting down");
            control.shutdown();
        });
        Signal.handle(new Signal("INT"), s -> {
            Log.info("signal", "caught SIGINT, shutting down");
            control.shutdown();
        });
        Signal.handle(new Signal("HUP"), s -> Log.warning("signal", "ignoring SIGHUP: reload with SIGUSR1"));
    }
}
