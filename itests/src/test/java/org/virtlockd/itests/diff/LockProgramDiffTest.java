package org.virtlockd.itests.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Transcripts;

/**
 * Differential tests: libvirt's virtlockd and ours receive the same request sequences on fresh connections
 * (every procedure, every error path, malformed frames, keepalive) and their replies are compared byte for
 * byte. Only the data directory in replies is normalised: the two directories have names of equal length,
 * so nothing else (length words, string lengths) changes.
 *
 * <p>For each scenario two tests run in order: libvirt's replies are first checked against what the spec
 * predicts (a failure there means the scenario is wrong, or the spec), then our transcript must equal
 * libvirt's.
 */
class LockProgramDiffTest {

    /** Each run's transcript is kept here for review (relative to the module directory Maven runs in). */
    private static final Path TRANSCRIPTS = Path.of("target", "diff-transcripts");

    private static DiffWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = DiffWorld.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    static List<Scenario> scenarios() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(ProcedureScenarios.all());
        all.addAll(LockScenarios.all());
        all.addAll(GuardScenarios.all());
        all.addAll(PathScenarios.all());
        all.addAll(ClientScenarios.all());
        all.addAll(WireScenarios.all());
        return all;
    }

    @TestFactory
    Stream<DynamicNode> libvirtAndOursAnswerAlike() {
        List<Scenario> all = scenarios();
        List<DynamicNode> nodes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Scenario scenario = all.get(i);
            String id = String.format("s%03d", i);
            AtomicReference<Session> reference = new AtomicReference<>();
            nodes.add(dynamicContainer(id + " " + scenario.name(), Stream.of(
                dynamicTest("libvirt answers as the spec says", () -> {
                    Session libvirt = run(scenario, Kind.LIBVIRT, id);
                    reference.set(libvirt);
                    assertEquals("", String.join("\n", libvirt.violations()),
                            id + " " + scenario.name() + ": libvirt's replies differ from the spec");
                }),
                dynamicTest("ours answers as libvirt does", () -> {
                    Session libvirt = reference.get();
                    assertTrue(libvirt != null, id + " " + scenario.name() + ": libvirt's run failed");
                    Session ours = run(scenario, Kind.OURS, id);
                    assertEquals(String.join("\n", libvirt.transcript()), String.join("\n", ours.transcript()),
                            id + " " + scenario.name() + ": transcripts differ (expected = libvirt, actual = ours)");
                }))));
        }
        nodes.add(dynamicTest("both daemons are still running", () -> {
            assertTrue(world.daemon(Kind.LIBVIRT).process().isAlive(), "libvirt's daemon died");
            assertTrue(world.daemon(Kind.OURS).process().isAlive(), "our daemon died");
        }));
        return nodes.stream();
    }

    @Test
    void scenarioNamesAreUnique() {
        List<String> names = scenarios().stream().map(Scenario::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    }

    private static Session run(Scenario scenario, Kind kind, String id) throws Exception {
        assertTrue(world.daemon(kind).process().isAlive(), () -> kind + " is no longer running");
        Session s = world.session(kind, id);
        try {
            scenario.body().run(s);
        } finally {
            s.finish();
            Transcripts.save(TRANSCRIPTS, id, kind, scenario.name(), s.transcript());
        }
        return s;
    }
}
