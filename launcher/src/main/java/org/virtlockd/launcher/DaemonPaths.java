package org.virtlockd.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * libvirt 9.0's default paths for virtlockd (Debian: sysconfdir /etc, runstatedir /run, localstatedir /var),
 * for root and for other users with glib's XDG rules: {@code XDG_CONFIG_HOME} (else {@code ~/.config}),
 * {@code XDG_CACHE_HOME} (else {@code ~/.cache}) and {@code XDG_RUNTIME_DIR} (else the cache directory).
 */
record DaemonPaths(Path configFile, Path runDirectory, Path lockSocket, Path adminSocket, Path shellSocket,
                   Path pidFile, Path restartStateFile, Path logFile) {

    static final String LOCK_SOCKET = "virtlockd-sock";
    static final String ADMIN_SOCKET = "virtlockd-admin-sock";
    static final String SHELL_SOCKET = "virtlockd-shell-sock";
    static final String PID_FILE = "virtlockd.pid";
    static final String RESTART_STATE = "virtlockd-restart-exec.json";
    static final String CONFIG_FILE = "virtlockd.conf";
    static final String LOG_FILE = "virtlockd.log";

    /**
     * @param privileged effective uid 0
     * @param env the process environment
     * @param userHome the home directory from the password database, used when {@code HOME} is unset
     * @return the defaults for this user
     */
    static DaemonPaths defaults(boolean privileged, Map<String, String> env, String userHome) {
        if (privileged) {
            Path run = Path.of("/run/libvirt");
            return new DaemonPaths(Path.of("/etc/libvirt", CONFIG_FILE), run, run.resolve(LOCK_SOCKET),
                    run.resolve(ADMIN_SOCKET), run.resolve(SHELL_SOCKET), Path.of("/run", PID_FILE),
                    Path.of("/run", RESTART_STATE), Path.of("/var/log/libvirt", LOG_FILE));
        }
        // glib takes HOME as it is when set, even empty (the directories are then relative); XDG_* only when non-empty.
        Path home = Path.of(env.containsKey("HOME") ? env.get("HOME") : userHome);
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path cache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        Path runtime = xdg(env, "XDG_RUNTIME_DIR", cache);
        Path run = runtime.resolve("libvirt");
        return new DaemonPaths(config.resolve("libvirt").resolve(CONFIG_FILE), run, run.resolve(LOCK_SOCKET),
                run.resolve(ADMIN_SOCKET), run.resolve(SHELL_SOCKET), run.resolve(PID_FILE),
                run.resolve(RESTART_STATE), cache.resolve("libvirt").resolve(LOG_FILE));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return nonEmpty(value) ? Path.of(value) : fallback;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
