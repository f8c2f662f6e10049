package org.virtlockd.filelock.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.virtlockd.filelock.ProcessSignals;

class NativeProcessSignalsTest {

    private final ProcessSignals signals = new NativeProcessSignals();

    @Test
    void termEndsAProcessAndThenItIsGone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        int pid = (int) sleeper.pid();
        assertEquals(0, signals.send(pid, ProcessSignals.CHECK));
        assertEquals(0, signals.send(pid, ProcessSignals.SIGTERM));
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
        assertEquals(128 + 15, sleeper.exitValue());
        assertEquals(ProcessSignals.ESRCH, signals.send(pid, ProcessSignals.CHECK));
    }

    @Test
    void killEndsAProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        assertEquals(0, signals.send((int) sleeper.pid(), ProcessSignals.SIGKILL));
        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
        assertEquals(128 + 9, sleeper.exitValue());
    }

    @Test
    void pidsOfOneAndBelowAreNeverSignalled() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            for (int pid : new int[] {1, 0, -1, -(int) sleeper.pid()}) {
                assertEquals(ProcessSignals.ESRCH, signals.send(pid, ProcessSignals.SIGTERM));
            }
            assertFalse(sleeper.waitFor(200, TimeUnit.MILLISECONDS), "no group or broadcast signal was sent");
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
