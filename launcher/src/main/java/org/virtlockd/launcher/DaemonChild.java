package org.virtlockd.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.virtlockd.launch.ExitStatus;

/**
 * The daemon's side of {@code -d} (see {@link Daemonizer}): recognised by {@link Daemonizer#CHILD_ENV}, it
 * leaves the parent's session, then reports one status line on stdout and lets go of the pipes.
 */
final class DaemonChild {

    private DaemonChild() {
    }

    static boolean isChild(Map<String, String> env) {
        return env.containsKey(Daemonizer.CHILD_ENV);
    }

    /** @return the directory relative paths of the command line refer to */
    static Path baseDirectory(Map<String, String> env) {
        String dir = env.get(Daemonizer.CHILD_ENV);
        return Path.of(dir != null && !dir.isEmpty() ? dir : System.getProperty("user.dir"));
    }

    /** The child's first step: a session of its own, without a controlling terminal. */
    static String detach() {
        LibC c = LibC.Holder.C;
        c.unsetenv(Daemonizer.CHILD_ENV);
        if (c.setsid() < 0) {
            return "Failed to fork as daemon: setsid: " + c.strerror(LibC.Holder.errno());
        }
        return null;
    }

    /** The child is serving: tell the parent, then let go of the pipes. */
    static void reportReady() {
        System.out.println(Daemonizer.STATUS_PREFIX + Daemonizer.READY);
        System.out.flush();
        LibC c = LibC.Holder.C;
        int devNull = c.open("/dev/null", LibC.O_RDWR, 0);
        if (devNull < 0) {
            Log.warning("daemon", "cannot open /dev/null: " + c.strerror(LibC.Holder.errno()));
            return;
        }
        for (int fd = 0; fd <= 2; fd++) {
            c.dup2(devNull, fd);
        }
        c.close(devNull);
    }

    /** Start-up failed: tell the parent which step. */
    static void reportFailure(ExitStatus status) {
        System.out.println(Daemonizer.STATUS_PREFIX + Daemonizer.FAILED + status.name());
        System.out.flush();
    }
}
