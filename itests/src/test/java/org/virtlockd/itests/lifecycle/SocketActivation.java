package org.virtlockd.itests.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;
import org.virtlockd.itests.harness.TestUser;
import org.virtlockd.itests.harness.UserProcess;

/**
 * A daemon behind {@code systemd-socket-activate} (Debian's systemd package), run as the test user: it binds
 * the sockets, waits for the first connection, then execs the daemon (same pid) with {@code LISTEN_PID},
 * {@code LISTEN_FDS} and {@code LISTEN_FDNAMES}. It passes on only the variables given with {@code -E}.
 */
final class SocketActivation {

    private static final List<String> LOCATIONS = List.of("/usr/bin/systemd-socket-activate",
            "/usr/lib/systemd/systemd-socket-activate");

    private SocketActivation() {
    }

    static String tool() {
        for (String l : LOCATIONS) {
            if (Files.isExecutable(Path.of(l))) {
                return l;
            }
        }
        TestUser.requireTool(LOCATIONS.get(0), "systemd");
        throw new AssertionError("unreachable");
    }

    /**
     * @param sockets the paths to listen on, in descriptor order from 3
     * @param names their names, one per socket
     */
    static UserProcess start(Kind kind, Sandbox sandbox, List<Path> sockets, List<String> names, String... args)
            throws Exception {
        Files.createDirectories(sandbox.runDir());
        TestUser.chown(sandbox.runDir());
        List<String> cmd = new ArrayList<>();
        cmd.add(tool());
        for (Path s : sockets) {
            cmd.add("--listen=" + s);
        }
        cmd.add("--fdname=" + String.join(":", names));
        UserProcess.environment(sandbox, Map.of()).forEach((k, v) -> cmd.add("--setenv=" + k + "=" + v));
        cmd.add(kind == Kind.OURS ? Daemon.distribution().resolve("bin/virtlockd").toString() : "/usr/sbin/virtlockd");
        cmd.addAll(List.of(args));
        UserProcess p = UserProcess.start(sandbox, List.of(), Map.of(), cmd);
        for (Path s : sockets) {
            awaitFile(p, s);
        }
        return p;
    }

    private static void awaitFile(UserProcess p, Path s) throws Exception {
        long deadline = System.nanoTime() + Daemon.START_TIMEOUT.toNanos();
        while (!Files.exists(s)) {
            if (!p.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("systemd-socket-activate did not listen on " + s + ":\n" + p.output());
            }
            Thread.sleep(20);
        }
    }
}
