package org.virtlockd.launcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * systemd socket activation as libvirt 9.0 reads it (spec 6.7): {@code LISTEN_PID} must be this process and
 * {@code LISTEN_FDS} a count; descriptors start at 3 and get close-on-exec; {@code LISTEN_FDNAMES} names each
 * one. Once recognised, the three variables are removed from the C environment so that a later exec does not
 * see them. As in libvirt, a missing or miscounted name list is logged and the daemon then runs as if it had
 * not been activated, creating its own sockets.
 */
final class Activation {

    static final String LISTEN_PID = "LISTEN_PID";
    static final String LISTEN_FDS = "LISTEN_FDS";
    static final String LISTEN_FDNAMES = "LISTEN_FDNAMES";
    /** sd_listen_fds(3): the first passed descriptor. */
    static final int FIRST_FD = 3;

    /** The C calls this class makes, so that tests can watch them. */
    interface Native {
        void unsetenv(String name);

        void setCloseOnExec(int fd);

        void close(int fd);
    }

    private Activation() {
    }

    /**
     * @param env the environment the process started with
     * @param pid this process's pid
     * @param c where the environment is changed and descriptors are marked
     * @return the passed sockets by name, in the order passed; empty when not activated
     */
    static Map<String, List<Integer>> fromEnvironment(Map<String, String> env, long pid, Native c) {
        Long listenPid = number(env.get(LISTEN_PID));
        if (listenPid == null || listenPid != pid) {
            return Map.of();
        }
        Long count = number(env.get(LISTEN_FDS));
        if (count == null || count > Integer.MAX_VALUE - FIRST_FD) {
            return Map.of();
        }
        c.unsetenv(LISTEN_PID);
        c.unsetenv(LISTEN_FDS);
        int n = count.intValue();
        for (int i = 0; i < n; i++) {
            c.setCloseOnExec(FIRST_FD + i);
        }
        if (n == 0) {
            return Map.of();
        }
        String names = env.get(LISTEN_FDNAMES);
        c.unsetenv(LISTEN_FDNAMES);
        if (names == null) {
            Log.error("activation", "Missing LISTEN_FDNAMES env from systemd socket activation");
            closeAll(n, c);
            return Map.of();
        }
        String[] list = names.split(":", -1);
        if (list.length != n) {
            Log.error("activation", "Expecting " + n + " FD names but got " + list.length);
            closeAll(n, c);
            return Map.of();
        }
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byName.computeIfAbsent(list[i], k -> new ArrayList<>()).add(FIRST_FD + i);
        }
        byName.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(byName);
    }

    private static void closeAll(int n, Native c) {
        for (int i = 0; i < n; i++) {
            c.close(FIRST_FD + i);
        }
    }

    /** A decimal number as strtoul would take the whole string, or null. */
    private static Long number(String s) {
        if (s == null || s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    /** The real C library. */
    static Native libc() {
        return new Native() {
            @Override
            public void unsetenv(String name) {
                LibC.Holder.C.unsetenv(name);
            }

            @Override
            public void setCloseOnExec(int fd) {
                if (LibC.Holder.C.fcntl(fd, LibC.F_SETFD, LibC.FD_CLOEXEC) < 0) {
                    Log.warning("activation", "Couldn't disable inheritance of passed FD " + fd);
                }
            }

            @Override
            public void close(int fd) {
                LibC.Holder.C.close(fd);
            }
        };
    }
}
