package org.virtlockd.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.DynamicTest;
import org.virtlockd.itests.harness.Cleanups;
import org.virtlockd.itests.harness.Daemon;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Sandbox;

/**
 * libvirt's daemon and ours side by side, each in its own sandbox, each with a directory for log files
 * ({@code /tmp/vladm-<token>-l} and {@code -o}: names of equal length, so replies that carry them differ only
 * in that letter). Everything is stopped and removed by {@link #close}, whatever state the tests left.
 */
final class AdminWorld implements AutoCloseable {

    /** One daemon and its directories. */
    record Side(Kind kind, Sandbox sandbox, Daemon daemon, Path logDir) {
        Path adminSocket() {
            return sandbox.adminSocket();
        }
    }

    private final Cleanups cleanups = new Cleanups();
    private Side libvirt;
    private Side ours;

    static AdminWorld start() throws Exception {
        AdminWorld w = new AdminWorld();
        try {
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
            w.libvirt = w.side(Kind.LIBVIRT, Path.of("/tmp/vladm-" + token + "-l"));
            w.ours = w.side(Kind.OURS, Path.of("/tmp/vladm-" + token + "-o"));
        } catch (Exception | Error e) {
            w.close();
            throw e;
        }
        return w;
    }

    private Side side(Kind kind, Path logDir) throws Exception {
        cleanups.userDirectory(logDir);
        Sandbox sandbox = cleanups.add(Sandbox.create());
        Daemon daemon = cleanups.add(Daemon.start(kind, sandbox));
        return new Side(kind, sandbox, daemon, logDir);
    }

    Side side(Kind kind) {
        return kind == Kind.LIBVIRT ? libvirt : ours;
    }

    /** Runs one scenario against one daemon and returns its normalised transcript. */
    interface Runner<S> {
        List<String> run(S scenario, Kind kind, String id) throws Exception;
    }

    /**
     * One dynamic test per scenario, named {@code <prefix>NN <name>}: libvirt's transcript and ours must be equal.
     * A last test checks that both daemons survived them all.
     */
    <S> Stream<DynamicTest> answerAlike(String prefix, List<S> scenarios, Function<S, String> name, Runner<S> runner) {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            S s = scenarios.get(i);
            String id = String.format("%s%02d", prefix, i);
            tests.add(dynamicTest(id + " " + name.apply(s), () -> {
                List<String> libvirtRun = runner.run(s, Kind.LIBVIRT, id);
                List<String> oursRun = runner.run(s, Kind.OURS, id);
                assertEquals(String.join("\n", libvirtRun), String.join("\n", oursRun),
                        id + " " + name.apply(s) + ": transcripts differ (expected = libvirt, actual = ours)");
            }));
        }
        tests.add(dynamicTest("both daemons are still running", () -> {
            assertTrue(libvirt.daemon().process().isAlive(), "libvirt's daemon died");
            assertTrue(ours.daemon().process().isAlive(), "our daemon died");
        }));
        return tests.stream();
    }

    /** Stops the daemons and deletes the directories, in reverse order of creation. */
    @Override
    public void close() throws Exception {
        cleanups.close();
    }
}
