package org.virtlockd.itests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Daemon.Result;
import org.virtlockd.itests.harness.Sandbox;

/**
 * Ours and libvirt's virtlockd lock the same byte of the same pid file the same way (spec 6.9), so each
 * refuses to start while the other runs on the same paths.
 */
class PidFileExclusionTest {

    private static final Duration EXIT = Duration.ofSeconds(30);
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();

    private String refusal() {
        return "Failed to acquire pid file '" + sandbox.pidFile() + "': Resource temporarily unavailable";
    }

    @Test
    void oursRefusesASecondInstanceOfItself() throws Exception {
        try (Daemon first = Daemon.start(Kind.OURS, sandbox)) {
            Result second = Daemon.runToExit(Kind.OURS, sandbox, EXIT);
            assertEquals(1, second.status(), second.output());
            assertTrue(second.output().contains(refusal()), second.output());
            assertEquals(0, first.stop());
        }
    }

    @Test
    void libvirtRefusesToStartWhileOursHoldsThePidFile() throws Exception {
        try (Daemon ours = Daemon.start(Kind.OURS, sandbox)) {
            Result libvirt = Daemon.runToExit(Kind.LIBVIRT, sandbox, EXIT);
            assertEquals(1, libvirt.status(), libvirt.output());
            assertTrue(libvirt.output().contains(refusal()), libvirt.output());
            assertEquals(0, ours.stop());
        }
    }

    @Test
    void oursRefusesToStartWhileLibvirtHoldsThePidFile() throws Exception {
        try (Daemon libvirt = Daemon.start(Kind.LIBVIRT, sandbox)) {
            Result ours = Daemon.runToExit(Kind.OURS, sandbox, EXIT);
            assertEquals(1, ours.status(), ours.output());
            assertTrue(ours.output().contains(refusal()), ours.output());
            assertTrue(libvirt.process().isAlive(), "libvirt's daemon is untouched");
            assertEquals(0, libvirt.stop());
        }
    }
}
