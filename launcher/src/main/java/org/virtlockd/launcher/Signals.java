package org.virtlockd.launcher;

import sun.misc.Signal;

/**
 * Signal handling on JDK 17 through {@code sun.misc.Signal} (never {@code -Xrs}), spec 6.11. SIGTERM and
 * SIGINT stop the daemon in order: listeners close (self-created sockets are unlinked), every client is
 * closed so the holder rule fences lock-holding guests, the pid file is removed, exit 0. SIGQUIT belongs to
 * the JVM, which refuses a handler for it: it prints a thread dump on stdout and the daemon keeps running
 * (libvirt's stops). SIGHUP, which kills libvirt 9.0's daemon and with it every lock, is logged and ignored.
 * SIGPIPE is ignored by the JVM already (a write to a closed peer fails with EPIPE instead). SIGUSR1 (the
 * service's reload) asks for a re-exec; the request waits until the daemon serves, so a SIGUSR1 during
 * start-up or during a restart is deferred, never fatal (a new image ignores SIGUSR1 from the exec until this
 * handler is installed).
 */
final class Signals {

    private static volatile Control control;

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
        Signals.control = control;
        installRestart();
    }

    /** (Re-)installs the SIGUSR1 handler: after a failed exec it is still ignored at the C level. */
    static void installRestart() {
        Control c = control;
        if (c != null) {
            Signal.handle(new Signal("USR1"), s -> {
                Log.info("signal", "caught SIGUSR1, re-executing");
                c.requestRestart();
            });
        }
    }
}
