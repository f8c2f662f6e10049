package org.virtlockd.itests.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlockd.itests.shell.ShellFixture.rows;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;

/**
 * {@code bin/virtlockd-shell -c} as the test user against our daemon with holders connected
 * ({@link ShellFixture}): every {@code lockd:} command, Felix's and Gogo's own commands, mistakes (exit 1),
 * an unreachable daemon and a refused client (exit 2). Each run is a short session that ends; the daemon
 * keeps serving throughout.
 */
class ShellCommandsTest {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    private static final String JVM = Long.toString(ProcessHandle.current().pid());
    private static final String USER = Integer.toString(TestUser.UID);
    private static ShellFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = ShellFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (f != null) {
            assertTrue(f.daemon.process().isAlive(), "no shell session stopped the daemon");
            f.close();
        }
    }

    private static ShellCli.Result ok(String command) throws Exception {
        ShellCli.Result r = ShellCli.command(f.sandbox, command);
        assertEquals(0, r.status(), () -> command + ": " + r);
        assertEquals("", r.err(), () -> command + ": " + r);
        return r;
    }

    @Test
    void lockspacesListsTheDefaultThenTheNamedOnesWithCounts() throws Exception {
        assertEquals(List.of(List.of("LOCKSPACE", "RESOURCES"), List.of("(default)", "2"), List.of(f.leases.toString(), "1")),
                rows(ok("lockd:lockspaces").out()));
    }

    @Test
    void resourcesShowModeOwnerPidsSinceAndPath() throws Exception {
        List<List<String>> rows = rows(ok("lockd:resources").out());
        assertEquals(List.of("LOCKSPACE", "NAME", "MODE", "OWNERS", "SINCE", "PATH"), rows.get(0));
        assertEquals(4, rows.size(), rows::toString);
        List<String> disk = row(rows, 1, f.disk.toString());
        assertEquals(List.of("(default)", f.disk.toString(), "exclusive+autocreate", Long.toString(f.owner1)), disk.subList(0, 4));
        assertTrue(TIME.matcher(disk.get(4)).matches(), disk::toString);
        assertEquals(f.disk.toString(), disk.get(5));
        List<String> iso = row(rows, 1, f.iso.toString());
        assertEquals(List.of("(default)", f.iso.toString(), "shared+autocreate", f.owner1 + "," + f.owner2), iso.subList(0, 4));
        assertEquals(List.of(f.leases.toString(), "lease-abc", "exclusive+autocreate", Long.toString(f.owner2)),
                rows.get(3).subList(0, 4), "named lockspaces follow the default one");
        assertEquals(f.leases.resolve("lease-abc").toString(), rows.get(3).get(5));
    }

    @Test
    void resourcesOfOneLockspace() throws Exception {
        List<List<String>> rows = rows(ok("lockd:resources " + f.leases).out());
        assertEquals(2, rows.size(), rows::toString);
        assertEquals("lease-abc", rows.get(1).get(1));
        assertEquals(3, rows(ok("lockd:resources \"\"").out()).size(), "\"\" is the default lockspace");
    }

    @Test
    void clientsShowPeerCredentialsRegistrationAndRestriction() throws Exception {
        List<List<String>> rows = rows(ok("lockd:clients").out());
        assertEquals(List.of("SERVER", "ID", "PID", "UID", "RESTRICTED", "CONNECTED", "OWNER"), rows.get(0));
        assertEquals(4, rows.size(), rows::toString);
        assertEquals(List.of("virtlockd", "1", JVM, USER, "no"), rows.get(1).subList(0, 5));
        assertEquals("vm1 id=1 pid=" + f.owner1, rows.get(1).get(6));
        assertEquals(List.of("virtlockd", "2", JVM, USER, "yes"), rows.get(2).subList(0, 5));
        assertEquals("vm2 id=2 pid=" + f.owner2, rows.get(2).get(6));
        assertEquals(List.of("virtlockd", "3", JVM, USER, "no"), rows.get(3).subList(0, 5));
        assertEquals("-", rows.get(3).get(6), "a connection that never registered has no owner");
        for (List<String> row : rows.subList(1, 4)) {
            assertTrue(TIME.matcher(row.get(5)).matches(), row::toString);
        }
    }

    @Test
    void statsCountCallsAndErrorsPerProcedure() throws Exception {
        String out = ok("lockd:stats").out();
        List<List<String>> rows = rows(out);
        assertEquals(List.of("PROCEDURE", "NUMBER", "CALLS", "ERRORS"), rows.get(0));
        assertEquals(List.of("REGISTER", "1", "2", "0"), rows.get(1));
        assertEquals(List.of("RESTRICT", "2", "1", "0"), rows.get(2));
        assertEquals(List.of("ACQUIRE_RESOURCE", "6", "5", "1"), rows.get(6), "one acquire was refused");
        assertEquals(List.of("RELEASE_RESOURCE", "7", "0", "0"), rows.get(7));
        assertEquals(List.of("CREATE_LOCKSPACE", "8", "1", "0"), rows.get(8));
        assertEquals(List.of("(unknown)", "-", "0", "0"), rows.get(9));
        assertTrue(Pattern.compile("(?m)^uptime: \\d+ s \\(started " + TIME + "\\)$").matcher(out).find(), out);
        assertTrue(out.endsWith("\nre-exec count: 0\n"), out);
    }

    @Test
    void configShowsTheDaemonsConfigurations() throws Exception {
        List<List<String>> rows = rows(ok("lockd:config").out());
        assertEquals(List.of("PID", "KEY", "VALUE"), rows.get(0));
        assertTrue(rows.contains(List.of("org.virtlockd.transport", "maxClients", "77")), rows::toString);
        assertTrue(rows.contains(List.of("org.virtlockd.transport", "adminMaxClients", "9")), rows::toString);
        assertTrue(rows.contains(List.of("org.virtlockd.logging", "logLevel", "3")), rows::toString);
    }

    @Test
    void unqualifiedNamesFindTheLockdCommands() throws Exception {
        assertEquals(ok("lockd:lockspaces").out(), ok("lockspaces").out());
    }

    @Test
    void felixAndGogoCommandsWorkToo() throws Exception {
        String lb = ok("lb").out();
        assertTrue(Pattern.compile("(?m)^\\s*\\d+\\|Active\\s*\\|\\s*4\\|virtlockd shell ").matcher(lb).find(), lb);
        assertTrue(lb.contains("|Apache Felix Gogo Runtime (1.1.6)"), lb);
        String scr = ok("scr:list").out();
        assertTrue(scr.contains("org.virtlockd.shell.internal.ShellServer"), scr);
        assertTrue(scr.contains("org.virtlockd.lockprogram.internal.LockProgramComponent"), scr);
        assertEquals("é ✓\n", ok("echo é ✓").out(), "UTF-8 both ways, though daemon and client run without a locale");
        List<List<String>> grep = rows(ok("lockd:resources | grep lease-abc").out());
        assertEquals("lease-abc", grep.get(0).get(1), "a command's result goes through a Gogo pipe as text: " + grep);
        assertEquals(List.of(List.of("true")), grep.subList(1, grep.size()), "then grep's own result: " + grep);
    }

    @Test
    void aMistakeGivesAMessageAndExitOne() throws Exception {
        ShellCli.Result unknown = ShellCli.command(f.sandbox, "nosuch");
        assertEquals(1, unknown.status(), unknown::toString);
        assertEquals("Command not found: nosuch\n", unknown.err());
        ShellCli.Result lockspace = ShellCli.command(f.sandbox, "lockd:resources /nope");
        assertEquals(1, lockspace.status(), lockspace::toString);
        assertEquals("no lockspace '/nope' (lockd:lockspaces lists them)\n", lockspace.err());
        ShellCli.Result arity = ShellCli.command(f.sandbox, "lockd:stats a b c");
        assertEquals(1, arity.status(), arity::toString);
        assertTrue(arity.err().startsWith("Cannot coerce stats("), arity::toString);
        ShellCli.Result syntax = ShellCli.command(f.sandbox, "lockd:clients {");
        assertEquals(1, syntax.status(), syntax::toString);
        assertTrue(f.daemon.process().isAlive());
        ok("lockd:lockspaces");
    }

    @Test
    void gogoConsoleAndTelnetCommandsAreRefused() throws Exception {
        for (String command : List.of("gosh --login", "sh --login", "telnetd --port=7070 start")) {
            ShellCli.Result r = ShellCli.command(f.sandbox, command);
            assertEquals(1, r.status(), r::toString);
            assertTrue(r.err().startsWith(command.split(" ")[0] + " is not available in the daemon's shell: "), r::toString);
        }
        assertTrue(f.daemon.process().isAlive(), "gosh --login would have stopped the framework");
        ok("lockd:lockspaces");
    }

    @Test
    void stdinWithoutATerminalRunsOneCommandPerLine() throws Exception {
        ShellCli.Result r = ShellCli.run(f.sandbox, "lockd:lockspaces\nnosuch\nx = 5\necho $x\n");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(List.of("LOCKSPACE", "RESOURCES"), List.of("(default)", "2"), List.of(f.leases.toString(), "1"),
                List.of("5"), List.of("5")), rows(r.out()));
        assertEquals("Command not found: nosuch\n", r.err());
        ShellCli.Result failedLast = ShellCli.run(f.sandbox, "lockd:lockspaces\nnosuch\n");
        assertEquals(1, failedLast.status(), "the last command's status: " + failedLast);
    }

    @Test
    void rootIsRefusedByADaemonOfAnotherUser() throws Exception {
        ShellCli.Result r = ShellCli.runAsRoot(f.sandbox, "--socket", f.sandbox.shellSocket().toString(), "-c", "lb");
        assertEquals(2, r.status(), r::toString);
        assertEquals("virtlockd-shell: the daemon refused the connection: uid 0 may not use the shell of a daemon "
                + "running as uid " + USER + "\n", r.err());
        assertEquals("", r.out());
        assertTrue(f.daemon.awaitOutput("Disallowing shell client", Duration.ofSeconds(10)), f.daemon.output());
    }

    @Test
    void noDaemonIsExitTwo() throws Exception {
        try (Sandbox empty = Sandbox.create()) {
            ShellCli.Result r = ShellCli.command(empty, "lockd:lockspaces");
            assertEquals(2, r.status(), r::toString);
            assertTrue(r.err().startsWith("virtlockd-shell: cannot connect to " + empty.shellSocket() + ": "), r::toString);
        }
    }

    private static List<String> row(List<List<String>> rows, int column, String value) {
        return rows.stream().filter(r -> r.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + value + " in " + rows));
    }
}
