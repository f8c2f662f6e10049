package org.virtlockd.itests.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.virtlockd.itests.harness.Daemon.Kind;
import org.virtlockd.itests.harness.Transcripts;

/**
 * Differential tests of the admin program: the same frames, on fresh connections, to libvirt's admin socket
 * and ours, in the same order (so client ids agree), and the replies compared byte for byte after
 * {@link AdminWire}'s few normalisations (connect times, the log directory's name, the random order of
 * libvirt's server list).
 */
class AdminProgramDiffTest {

    private static final Path TRANSCRIPTS = Path.of("target", "admin-diff-transcripts");

    private static AdminWorld world;

    @BeforeAll
    static void start() throws Exception {
        world = AdminWorld.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> libvirtAndOursAnswerAlike() {
        return world.answerAlike("a", AdminScenarios.all(), AdminScenarios.Scenario::name, AdminProgramDiffTest::run);
    }

    @Test
    void scenarioNamesAreUnique() {
        List<String> names = AdminScenarios.all().stream().map(AdminScenarios.Scenario::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    }

    private static List<String> run(AdminScenarios.Scenario s, Kind kind, String id) throws Exception {
        assertTrue(world.side(kind).daemon().process().isAlive(), () -> kind + " is no longer running");
        try (AdminWire w = new AdminWire(world.side(kind))) {
            try {
                s.body().run(w);
            } finally {
                Transcripts.save(TRANSCRIPTS, id, kind, s.name(), w.transcript());
            }
            return w.transcript();
        }
    }
}
