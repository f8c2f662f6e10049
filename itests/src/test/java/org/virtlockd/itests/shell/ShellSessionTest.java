package org.virtlockd.itests.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An interactive session: {@code bin/virtlockd-shell} as the test user on a tmux pseudo-terminal, driven by
 * keystrokes. Line editing happens in the client (JLine: completion, history, Ctrl-C, Ctrl-D); each line
 * runs in the daemon's Gogo session. Ending the session leaves the daemon and its locks alone.
 */
class ShellSessionTest {

    private static final String PROMPT = "virtlockd>";

    private static long prompts(String screen) {
        return screen.lines().filter(l -> l.startsWith(PROMPT)).count();
    }

    private static long count(String screen, String text) {
        return screen.lines().filter(l -> l.contains(text)).count();
    }

    @Test
    void aTerminalSessionEditsLinesLocallyAndRunsThemInTheDaemon() throws Exception {
        try (ShellFixture f = ShellFixture.start()) {
            List<String> command = new ArrayList<>(ShellCli.asTestUser(f.sandbox));
            command.add(command.indexOf("-i") + 1, "TERM=screen");
            try (Tmux tmux = Tmux.start(f.sandbox.root().resolve("tmux.sock"), 160, 50, command)) {
                String screen = tmux.await("the prompt", s -> prompts(s) == 1);
                assertTrue(screen.contains("virtlockd shell on " + f.sandbox.shellSocket()), screen);

                tmux.keys("lockd:lockspaces", "Enter");
                screen = tmux.await("the lockspaces", s -> prompts(s) == 2);
                assertTrue(screen.matches("(?s).*\n\\(default\\) +2\n" + f.leases + " +1\n.*"), screen);

                tmux.keys("resou", "Tab");
                tmux.await("the completed command", s -> s.endsWith(PROMPT + " resources"));
                tmux.keys(f.leases.toString(), "Enter");
                screen = tmux.await("the lease", s -> prompts(s) == 3);
                assertTrue(screen.contains(PROMPT + " resources " + f.leases + "\n"), screen);
                assertEquals(1, screen.lines().filter(l -> l.matches(".*  lease-abc +exclusive\\+autocreate +" + f.owner2 + "  .*"))
                        .count(), screen);

                tmux.keys("nosuch", "Enter");
                tmux.await("the error", s -> prompts(s) == 4 && count(s, "Command not found: nosuch") == 1);
                tmux.keys("Up", "Enter");
                screen = tmux.await("the repeated error", s -> prompts(s) == 5);
                assertEquals(2, count(screen, "Command not found: nosuch"), "history recalled the line: " + screen);

                tmux.keys("x = 7", "Enter");
                tmux.await("the assignment", s -> prompts(s) == 6);
                tmux.keys("echo \"x is $x\"", "Enter");
                screen = tmux.await("the variable", s -> prompts(s) == 7);
                assertTrue(screen.contains("\nx is 7\n"), "one Gogo session for the whole connection: " + screen);

                tmux.keys("nosuch-discarded", "C-c");
                tmux.keys("lockd:stats", "Enter");
                screen = tmux.await("the stats", s -> s.contains("re-exec count: 0") && prompts(s) == 9);
                assertTrue(screen.contains("\n" + PROMPT + " nosuch-discarded\n" + PROMPT + " lockd:stats\n"), screen);
                assertEquals(0, count(screen, "Command not found: nosuch-discarded"), "Ctrl-C discarded the line: " + screen);

                tmux.keys("C-d");
                long deadline = System.nanoTime() + Tmux.WAIT.toNanos();
                while (tmux.running() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertFalse(tmux.running(), "Ctrl-D ended the client");
            }
            assertTrue(f.daemon.process().isAlive(), "the session's end left the daemon running");
            ShellCli.Result after = ShellCli.command(f.sandbox, "lockd:resources");
            assertEquals(0, after.status(), after::toString);
            assertEquals(4, after.out().lines().count(), "every lock is still held: " + after);
        }
    }
}
