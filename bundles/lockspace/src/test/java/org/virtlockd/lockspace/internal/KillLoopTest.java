package org.virtlockd.lockspace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;
import org.virtlockd.filelock.ProcessSignals;

class KillLoopTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingLog log = new RecordingLog();
    private final List<String> sent = new ArrayList<>();

    /** Signals that answer, per call number, what the script says. */
    private KillLoop loop(IntUnaryOperator answerForCall) {
        ProcessSignals signals = (pid, signal) -> {
            sent.add(scheduler.now() + "ms " + pid + " " + signal);
            return answerForCall.applyAsInt(sent.size() - 1);
        };
        return new KillLoop(signals, scheduler, log);
    }

    @Test
    void processThatNeverDiesGetsTermThenKillThenChecks() {
        loop(call -> 0).start(4321);
        assertEquals(List.of(), sent, "nothing is sent on the caller's thread");
        scheduler.runAll();
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            int signal = round == 0 ? 15 : round == 8 ? 9 : 0;
            expected.add(round * 200 + "ms 4321 " + signal);
        }
        assertEquals(expected, sent);
        assertEquals("1600ms 4321 9", sent.get(8));
        assertEquals(0, scheduler.pending());
        assertEquals(List.of(), log.lines);
    }

    @Test
    void loopEndsAtTheFirstEsrch() {
        loop(call -> call < 3 ? 0 : ProcessSignals.ESRCH).start(4321);
        scheduler.runAll();
        assertEquals(List.of("0ms 4321 15", "200ms 4321 0", "400ms 4321 0", "600ms 4321 0"), sent);
        assertEquals(List.of("DEBUG Lock holder pid 4321 is gone after round 3"), log.lines);
    }

    @Test
    void processGoneAtOnceGetsOnlyTerm() {
        loop(call -> ProcessSignals.ESRCH).start(4321);
        scheduler.runAll();
        assertEquals(List.of("0ms 4321 15"), sent);
    }

    @Test
    void pidsOfOneAndBelowAreNeverSignalled() {
        KillLoop loop = loop(call -> 0);
        loop.start(1);
        loop.start(0);
        loop.start(4294967295L); // pid_t -1: every process
        loop.start(2147483648L); // pid_t -2147483648
        scheduler.runAll();
        assertEquals(List.of(), sent);
    }

    @Test
    void otherErrorsAreLoggedAndTheLoopGoesOn() {
        loop(call -> call == 0 ? 1 : call == 1 ? 0 : ProcessSignals.ESRCH).start(77);
        scheduler.runAll();
        assertEquals(List.of("0ms 77 15", "200ms 77 0", "400ms 77 0"), sent);
        assertEquals("WARN Failed to kill off pid 77", log.lines.get(0));
    }
}
