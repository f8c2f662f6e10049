package org.virtlockd.launcher;

/**
 * Raises the soft limit on open files to the hard limit at start, so that one descriptor per held resource
 * and per client fits however low the login shell set it. The JVM does the same with {@code -XX:+MaxFDLimit},
 * its default on Linux; this does not depend on that flag.
 */
final class OpenFileLimit {

    private OpenFileLimit() {
    }

    /** @return the soft limit now in force, or -1 when the limits cannot be read */
    static long raiseToHard() {
        LibC c = LibC.Holder.C;
        long[] limit = new long[2];
        if (c.getrlimit(LibC.RLIMIT_NOFILE, limit) < 0) {
            Log.warning("main", "cannot read the open-file limit: " + c.strerror(LibC.Holder.errno()));
            return -1;
        }
        if (limit[0] == limit[1]) {
            return limit[0];
        }
        long[] raised = {limit[1], limit[1]};
        if (c.setrlimit(LibC.RLIMIT_NOFILE, raised) < 0) {
            Log.warning("main", "cannot raise the open-file limit from " + limit[0] + " to " + limit[1] + ": "
                    + c.strerror(LibC.Holder.errno()));
            return limit[0];
        }
        return limit[1];
    }
}
