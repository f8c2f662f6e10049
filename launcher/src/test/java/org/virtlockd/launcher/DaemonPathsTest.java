package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** libvirt 9.0.0's default paths (spec 6.2) with glib's XDG rules. */
class DaemonPathsTest {

    private static final String PW_HOME = "/home/pw";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, String> fullEnv() {
        return env("HOME", "/h", "XDG_CONFIG_HOME", "/cfg", "XDG_CACHE_HOME", "/cache", "XDG_RUNTIME_DIR", "/rt");
    }

    @Test
    void rootPathsAreFixedAndIgnoreTheEnvironment() {
        DaemonPaths p = DaemonPaths.defaults(true, fullEnv(), PW_HOME);
        assertEquals(Path.of("/etc/libvirt/virtlockd.conf"), p.configFile());
        assertEquals(Path.of("/run/libvirt"), p.runDirectory());
        assertEquals(Path.of("/run/libvirt/virtlockd-sock"), p.lockSocket());
        assertEquals(Path.of("/run/libvirt/virtlockd-admin-sock"), p.adminSocket());
        assertEquals(Path.of("/run/libvirt/virtlockd-shell-sock"), p.shellSocket());
        assertEquals(Path.of("/run/virtlockd.pid"), p.pidFile());
        assertEquals(Path.of("/run/virtlockd-restart-exec.json"), p.restartStateFile());
        assertEquals(Path.of("/var/log/libvirt/virtlockd.log"), p.logFile());
        assertEquals(p, DaemonPaths.defaults(true, Map.of(), PW_HOME));
    }

    @Test
    void unprivilegedWithAllXdgVariables() {
        DaemonPaths p = DaemonPaths.defaults(false, fullEnv(), PW_HOME);
        assertEquals(Path.of("/cfg/libvirt/virtlockd.conf"), p.configFile());
        assertEquals(Path.of("/rt/libvirt"), p.runDirectory());
        assertEquals(Path.of("/rt/libvirt/virtlockd-sock"), p.lockSocket());
        assertEquals(Path.of("/rt/libvirt/virtlockd-admin-sock"), p.adminSocket());
        assertEquals(Path.of("/rt/libvirt/virtlockd-shell-sock"), p.shellSocket());
        assertEquals(Path.of("/rt/libvirt/virtlockd.pid"), p.pidFile());
        assertEquals(Path.of("/rt/libvirt/virtlockd-restart-exec.json"), p.restartStateFile());
        assertEquals(Path.of("/cache/libvirt/virtlockd.log"), p.logFile());
    }

    @Test
    void runtimeDirectoryFallsBackToTheCacheDirectory() {
        Map<String, String> e = fullEnv();
        e.remove("XDG_RUNTIME_DIR");
        DaemonPaths p = DaemonPaths.defaults(false, e, PW_HOME);
        assertEquals(Path.of("/cache/libvirt"), p.runDirectory());
        assertEquals(Path.of("/cache/libvirt/virtlockd-sock"), p.lockSocket());
        assertEquals(Path.of("/cache/libvirt/virtlockd.pid"), p.pidFile());
        assertEquals(Path.of("/cache/libvirt/virtlockd.log"), p.logFile());
        assertEquals(Path.of("/cfg/libvirt/virtlockd.conf"), p.configFile());

        e.remove("XDG_CACHE_HOME");
        DaemonPaths q = DaemonPaths.defaults(false, e, PW_HOME);
        assertEquals(Path.of("/h/.cache/libvirt"), q.runDirectory());
        assertEquals(Path.of("/h/.cache/libvirt/virtlockd-admin-sock"), q.adminSocket());
        assertEquals(Path.of("/h/.cache/libvirt/virtlockd.log"), q.logFile());
    }

    @Test
    void configFallsBackToDotConfig() {
        Map<String, String> e = fullEnv();
        e.remove("XDG_CONFIG_HOME");
        DaemonPaths p = DaemonPaths.defaults(false, e, PW_HOME);
        assertEquals(Path.of("/h/.config/libvirt/virtlockd.conf"), p.configFile());
        assertEquals(Path.of("/rt/libvirt/virtlockd-sock"), p.lockSocket());
    }

    @Test
    void withoutHomeThePasswordDatabaseHomeIsUsed() {
        DaemonPaths p = DaemonPaths.defaults(false, Map.of(), PW_HOME);
        assertEquals(Path.of("/home/pw/.config/libvirt/virtlockd.conf"), p.configFile());
        assertEquals(Path.of("/home/pw/.cache/libvirt"), p.runDirectory());
        assertEquals(Path.of("/home/pw/.cache/libvirt/virtlockd-sock"), p.lockSocket());
        assertEquals(Path.of("/home/pw/.cache/libvirt/virtlockd.pid"), p.pidFile());
        assertEquals(Path.of("/home/pw/.cache/libvirt/virtlockd.log"), p.logFile());
    }

    @Test
    void emptyXdgVariablesCountAsUnset() {
        DaemonPaths p = DaemonPaths.defaults(false,
                env("HOME", "/h", "XDG_CONFIG_HOME", "", "XDG_CACHE_HOME", "", "XDG_RUNTIME_DIR", ""), PW_HOME);
        assertEquals(Path.of("/h/.config/libvirt/virtlockd.conf"), p.configFile());
        assertEquals(Path.of("/h/.cache/libvirt/virtlockd-sock"), p.lockSocket());
        assertEquals(Path.of("/h/.cache/libvirt/virtlockd.log"), p.logFile());
    }

    /** glib uses HOME as it is when it is set, even empty: libvirt 9.0.0 then made ".cache/libvirt" (checked live). */
    @Test
    void emptyHomeIsUsedAsItIs() {
        DaemonPaths p = DaemonPaths.defaults(false, env("HOME", ""), PW_HOME);
        assertEquals(Path.of(".config/libvirt/virtlockd.conf"), p.configFile());
        assertEquals(Path.of(".cache/libvirt"), p.runDirectory());
        assertEquals(Path.of(".cache/libvirt/virtlockd-sock"), p.lockSocket());
    }
}
