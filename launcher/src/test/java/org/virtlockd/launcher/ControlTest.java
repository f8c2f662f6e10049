package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.virtlockd.launch.ExitStatus;

/** Readiness and stop requests as the main thread sees them. */
class ControlTest {

    @Test
    void readyWithoutStopIsAnnounced() throws Exception {
        Control c = new Control();
        c.ready();
        assertTrue(c.awaitReadyOrStop());
    }

    @Test
    void aFailureBeforeOrAfterReadinessIsNotAnnouncedAndTheFirstStatusWins() throws Exception {
        Control before = new Control();
        before.fail(ExitStatus.FAILURE, "bad log output");
        before.ready();
        assertFalse(before.awaitReadyOrStop());
        assertEquals(ExitStatus.FAILURE, before.awaitStop());

        Control after = new Control();
        after.ready();
        after.fail(ExitStatus.NETWORK, "bind failed");
        after.shutdown();
        assertFalse(after.awaitReadyOrStop(), "the main thread looks only once the framework has started");
        assertEquals(ExitStatus.NETWORK, after.awaitStop());
    }

    @Test
    void restartRequestsAreConsumedOneAtATimeAndAStopWins() throws Exception {
        Control control = new Control();
        control.requestRestart();
        control.requestRestart(); // a second SIGUSR1 before the first was handled: one restart
        assertEquals(Control.Request.RESTART, control.awaitRequest());
        control.requestRestart();
        control.shutdown();
        assertEquals(Control.Request.STOP, control.awaitRequest(), "a stop wins over a pending restart");
        assertEquals(Control.Request.STOP, control.awaitRequest());
    }
}
