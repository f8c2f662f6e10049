package org.virtlockd.itests.holder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.ProcLocks;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;
import org.virtlockd.itests.harness.WireClient;

/**
 * The holder rule (spec 3.7) with a holder that ignores SIGTERM: its locks are released at once, it gets
 * SIGTERM and, 1.6 s later, SIGKILL; meanwhile every other client keeps being answered. libvirt 9.0 sleeps
 * on its event loop for those 1.6 s, stalling everyone; ours must not.
 */
class HolderFencingTest {

    /** Far below libvirt's 200 ms sleeps, far above a loaded machine's scheduling noise. */
    private static final Duration MAX_STALL = Duration.ofMillis(300);
    @RegisterExtension
    final Sandbox sandbox = Sandbox.perTest();
    private Process holder;

    @AfterEach
    void clean() throws Exception {
        if (holder != null && holder.isAlive()) {
            holder.destroyForcibly().waitFor();
        }
    }

    private record Run(long maxPingMillis, long killedAfterMillis, int holderExit) {
    }

    private Run fenceAHolderWhilePinging(Kind kind) throws Exception {
        TestUser.requireTool("/usr/bin/python3", "python3");
        Path script = sandbox.root().resolve("holder.py");
        try (var in = getClass().getResourceAsStream("/holder.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        script.toFile().setReadable(true, false);
        Path disk = sandbox.data().resolve("disk.img");
        Files.writeString(disk, "");
        TestUser.chown(disk);
        ProcLocks.FileKey diskKey = ProcLocks.FileKey.of(disk);
        try (Daemon d = Daemon.start(kind, sandbox); WireClient other = WireClient.connect(sandbox.lockSocket())) {
            List<String> cmd = new ArrayList<>(TestUser.setpriv());
            cmd.addAll(List.of("/usr/bin/python3", script.toString(), sandbox.lockSocket().toString(), disk.toString()));
            holder = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", out.readLine(), "the holder acquired its disk");
            long closedAt = System.nanoTime();
            long maxPing = 0;
            boolean released = false;
            while (holder.isAlive() && System.nanoTime() - closedAt < Duration.ofSeconds(10).toNanos()) {
                long t = System.nanoTime();
                other.send(ping());
                assertArrayEquals(pong(), other.readFrame(Duration.ofSeconds(10)));
                maxPing = Math.max(maxPing, (System.nanoTime() - t) / 1_000_000);
                if (!released) {
                    released = !ProcLocks.read().stream().anyMatch(l -> l.pid() == d.pid() && l.file().equals(diskKey));
                }
                Thread.sleep(20);
            }
            assertTrue(holder.waitFor(1, TimeUnit.SECONDS), "the holder was killed");
            long killedAfter = (System.nanoTime() - closedAt) / 1_000_000;
            assertTrue(released, "the holder's lock was released");
            assertTrue(ProcLocks.read().stream().noneMatch(l -> l.pid() == d.pid() && l.file().equals(diskKey)), "no lock left on the disk");
            assertEquals(0, d.stop());
            System.out.println(kind + ": holder SIGKILLed " + killedAfter + " ms after its disconnect; slowest answer to another client "
                    + maxPing + " ms");
            return new Run(maxPing, killedAfter, holder.exitValue());
        }
    }

    @Test
    void oursFencesTheHolderWithoutStallingOtherClients() throws Exception {
        Run run = fenceAHolderWhilePinging(Kind.OURS);
        assertEquals(128 + 9, run.holderExit(), "SIGKILL, since SIGTERM is ignored");
        assertTrue(run.killedAfterMillis() >= 1200 && run.killedAfterMillis() < 5000,
                "SIGKILL on libvirt's schedule (round 8 of 200 ms): " + run.killedAfterMillis() + " ms");
        assertTrue(run.maxPingMillis() < MAX_STALL.toMillis(), "other clients answered within " + MAX_STALL
                + " while the holder was fenced; slowest: " + run.maxPingMillis() + " ms");
    }

    @Test
    void libvirtStallsItsEventLoopMeanwhile() throws Exception {
        Run run = fenceAHolderWhilePinging(Kind.LIBVIRT);
        assertEquals(128 + 9, run.holderExit());
        assertTrue(run.maxPingMillis() > 1000, "the reference daemon sleeps on its event loop: " + run.maxPingMillis() + " ms");
    }

    private static byte[] ping() {
        return frame(1);
    }

    private static byte[] pong() {
        return frame(2);
    }

    private static byte[] frame(int proc) {
        return java.nio.ByteBuffer.allocate(28).putInt(28).putInt(0x6B656570).putInt(1).putInt(proc).putInt(2).putInt(0).putInt(0).array();
    }
}
