package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void versionLine() {
        assertEquals("/usr/bin/virtlockd (virtlockd for the JVM) 1.2.3, compatible with libvirt 9.0.0",
                Usage.version("/usr/bin/virtlockd", "1.2.3"));
    }

    @Test
    void usageStartsLikeLibvirtsAndNamesTheCommand() {
        String text = Usage.text("vl", DaemonPaths.defaults(true, Map.of(), "/root"), true);
        assertTrue(text.startsWith("\nUsage:\n  vl [options]\n\nOptions:\n  -h | --help            Display program help:\n"),
                text);
        for (String option : List.of("-v | --verbose", "-d | --daemon", "-t | --timeout <secs>", "-f | --config <file>",
                "-V | --version", "-p | --pid-file <file>")) {
            assertTrue(text.contains("\n  " + option + " "), option);
        }
        assertTrue(text.endsWith("\n\n"));
    }

    @Test
    void rootUsageListsTheSystemPaths() {
        String text = Usage.text("vl", DaemonPaths.defaults(true, Map.of(), "/root"), true);
        assertTrue(text.contains("libvirt lock management daemon:\n"));
        assertTrue(text.contains("(unless overridden by -f):\n      /etc/libvirt/virtlockd.conf\n"), text);
        assertTrue(text.contains("Sockets:\n      /run/libvirt/virtlockd-sock\n      /run/libvirt/virtlockd-admin-sock\n"),
                text);
        assertTrue(text.contains("(unless overridden by -p):\n      /run/virtlockd.pid\n"), text);
        assertTrue(text.contains("\n      /var/log/libvirt/virtlockd.log\n"), text);
    }

    @Test
    void userUsageListsTheGivenPaths() {
        DaemonPaths paths = new DaemonPaths(Path.of("/c/x.conf"), Path.of("/r"), Path.of("/r/lock"), Path.of("/r/admin"),
                Path.of("/r/shell"), Path.of("/r/p.pid"), Path.of("/r/state.json"), Path.of("/l/x.log"));
        String text = Usage.text("vl", paths, false);
        assertTrue(text.contains("libvirt lock management daemon (running as an unprivileged user):\n"));
        assertTrue(text.contains("\n      /c/x.conf\n"));
        assertTrue(text.contains("\n      /r/lock\n      /r/admin\n"));
        assertTrue(text.contains("\n      /r/p.pid\n"));
        assertTrue(text.contains("\n      /l/x.log\n"));
        assertFalse(text.contains("/r/shell"));
        assertFalse(text.contains("/run/"));
    }
}
