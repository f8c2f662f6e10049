package org.virtlockd.itests.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.TestUser;

/**
 * The files the distribution ships for running as a service: systemd units that systemd itself accepts,
 * socket units named as the daemon claims their descriptors (systemd's default name is the unit's), the
 * defaults file, and a virtlockd(8) man page that groff renders without warnings.
 */
class ServiceFilesTest {

    private static final Path DIST = Daemon.distribution();
    private static final Path UNITS = DIST.resolve("conf/systemd");

    /** Runs a tool and returns its exit status followed by its combined output. */
    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not finish");
        }
        return p.exitValue() + "\n" + out;
    }

    @Test
    void systemdAcceptsTheUnitsWithoutAWarning() throws Exception {
        TestUser.requireTool("/usr/bin/systemd-analyze", "systemd");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/systemd-analyze", "verify", "--man=no"));
        for (String unit : List.of("virtlockd.service", "virtlockd.socket", "virtlockd-admin.socket")) {
            cmd.add(UNITS.resolve(unit).toString());
        }
        assertEquals("0\n", run(cmd), "systemd-analyze verify: status and complaints");
    }

    @Test
    void theUnitsSayWhatTheIssueAsks() throws Exception {
        String service = Files.readString(UNITS.resolve("virtlockd.service"));
        for (String line : List.of("Type=notify", "ExecStart=/usr/sbin/virtlockd $VIRTLOCKD_ARGS",
                "ExecReload=/bin/kill -USR1 $MAINPID", "EnvironmentFile=-/etc/default/virtlockd",
                "OOMScoreAdjust=-900", "LimitNOFILE=40960", "Requires=virtlockd.socket",
                "Requires=virtlockd-admin.socket", "Also=virtlockd.socket")) {
            assertTrue(service.lines().anyMatch(line::equals), "virtlockd.service has " + line);
        }
        // systemd names each descriptor after its socket unit: these are the names the servers claim
        String lock = Files.readString(UNITS.resolve("virtlockd.socket"));
        assertTrue(lock.contains("\nListenStream=/run/libvirt/virtlockd-sock\n"), lock);
        assertTrue(lock.contains("\nSocketMode=0600\n"), lock);
        String admin = Files.readString(UNITS.resolve("virtlockd-admin.socket"));
        assertTrue(admin.contains("\nListenStream=/run/libvirt/virtlockd-admin-sock\n"), admin);
        assertTrue(admin.contains("\nService=virtlockd.service\n"), admin);
        String defaults = Files.readString(DIST.resolve("conf/default/virtlockd"));
        assertTrue(defaults.contains("VIRTLOCKD_ARGS="), defaults);
    }

    @Test
    void theManPageRendersCleanly() throws Exception {
        TestUser.requireTool("/usr/bin/groff", "groff-base");
        Path page = DIST.resolve("man/man8/virtlockd.8");
        assertEquals("0\n", run(List.of("/usr/bin/groff", "-man", "-Tutf8", "-ww", "-z", page.toString())));
        String text = run(List.of("/usr/bin/groff", "-man", "-rHY=0", "-Tutf8", "-P-cbou", page.toString()));
        for (String section : List.of("NAME", "SYNOPSIS", "OPTIONS", "SIGNALS", "SYSTEMD", "EXIT STATUS")) {
            assertTrue(text.contains("\n" + section + "\n"), "section " + section);
        }
        assertTrue(text.replaceAll("\\s+", " ").contains("SIGQUIT Unlike libvirt's daemon, this one does not stop"), text);
    }
}
