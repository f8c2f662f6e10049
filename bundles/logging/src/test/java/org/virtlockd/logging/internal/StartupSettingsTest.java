package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** libvirt's precedence (file, environment, --verbose) and its choice of the default output (spec 6.4). */
class StartupSettingsTest {

    private static final Path LOG_FILE = Path.of("/cache/libvirt/virtlockd.log");
    private final Map<String, String> env = new HashMap<>();
    private boolean journald;
    private boolean terminal;
    private int terminalAsked;

    private final StartupSettings.Host host = new StartupSettings.Host() {
        @Override
        public boolean journaldWritable() {
            return journald;
        }

        @Override
        public boolean stdinIsTerminal() {
            terminalAsked++;
            return terminal;
        }
    };

    private StartupSettings.Decision decide(int priority, String filters, String outputs, boolean verbose, boolean daemon) {
        return StartupSettings.decide(priority, filters, outputs, env, new StartupSettings.Launch(verbose, daemon, LOG_FILE), host);
    }

    private static List<String> texts(List<?> items) {
        return items.stream().map(Object::toString).toList();
    }

    @Test
    void theFileAloneDecidesWithoutEnvironment() {
        StartupSettings.Decision d = decide(1, "2:rpc", "4:stderr", false, false);
        assertEquals(1, d.settings().priority());
        assertEquals(List.of("2:*rpc*"), texts(d.settings().filters()));
        assertEquals(List.of("4:stderr"), texts(d.settings().outputs()));
        assertEquals("1:stderr", d.defaultOutput());
    }

    @Test
    void theEnvironmentReplacesWhatItSets() {
        env.put("LIBVIRT_DEBUG", "error");
        env.put("LIBVIRT_LOG_FILTERS", "1:lock");
        env.put("LIBVIRT_LOG_OUTPUTS", "2:file:/tmp/x.log");
        StartupSettings.Decision d = decide(1, "2:rpc", "4:stderr", false, false);
        assertEquals(4, d.settings().priority());
        assertEquals(List.of("1:*lock*"), texts(d.settings().filters()));
        assertEquals(List.of("2:file:/tmp/x.log"), texts(d.settings().outputs()));
    }

    @Test
    void emptyVariablesAreIgnored() {
        env.put("LIBVIRT_DEBUG", "");
        env.put("LIBVIRT_LOG_FILTERS", "");
        env.put("LIBVIRT_LOG_OUTPUTS", "");
        StartupSettings.Decision d = decide(2, "2:rpc", "4:stderr", false, false);
        assertEquals(2, d.settings().priority());
        assertEquals(List.of("2:*rpc*"), texts(d.settings().filters()));
        assertEquals(List.of("4:stderr"), texts(d.settings().outputs()));
    }

    @Test
    void verboseComesAfterTheEnvironment() {
        env.put("LIBVIRT_DEBUG", "4");
        assertEquals(2, decide(3, "", "", true, false).settings().priority());
        env.put("LIBVIRT_DEBUG", "debug");
        assertEquals(1, decide(3, "", "", true, false).settings().priority());
    }

    @Test
    void badValuesFailWithLibvirtsTextTheFileFirst() {
        env.put("LIBVIRT_DEBUG", "7");
        assertEquals("Failed to set logging priority, argument '7' is invalid",
                assertThrows(IllegalArgumentException.class, () -> decide(3, "", "", false, false)).getMessage());
        assertEquals("Malformed format for filter 'x'",
                assertThrows(IllegalArgumentException.class, () -> decide(3, "x", "", false, false)).getMessage());
        env.clear();
        env.put("LIBVIRT_LOG_OUTPUTS", "3:bogus");
        assertEquals("Invalid log destination 'bogus' for log output '3:bogus'",
                assertThrows(IllegalArgumentException.class, () -> decide(3, "", "", false, false)).getMessage());
        env.put("LIBVIRT_DEBUG", "Debug");
        assertEquals("Failed to set logging priority, argument 'Debug' is invalid",
                assertThrows(IllegalArgumentException.class, () -> decide(3, "", "", false, false)).getMessage());
    }

    @Test
    void foregroundWithoutJournaldIsStderrWithoutAskingAboutTheTerminal() {
        StartupSettings.Decision d = decide(3, "", "", false, false);
        assertEquals(List.of("3:stderr"), texts(d.settings().outputs()));
        assertEquals(0, terminalAsked);
    }

    @Test
    void foregroundWithJournaldDependsOnTheTerminal() {
        journald = true;
        terminal = true;
        assertEquals("3:stderr", decide(3, "", "", false, false).defaultOutput());
        terminal = false;
        assertEquals("3:journald", decide(3, "", "", false, false).defaultOutput());
        assertEquals("2:journald", decide(1, "", "", false, false).defaultOutput(), "debug is raised to info for journald");
    }

    @Test
    void daemonIsJournaldWhenWritableElseTheLogFile() {
        journald = true;
        terminal = true;
        assertEquals("3:journald", decide(3, "", "", false, true).defaultOutput());
        journald = false;
        StartupSettings.Decision d = decide(1, "", "", false, true);
        assertEquals("1:file:" + LOG_FILE, d.defaultOutput());
        assertEquals(true, d.defaultIsFile());
        assertEquals(List.of("1:file:" + LOG_FILE), texts(d.settings().outputs()));
    }

    @Test
    void theDefaultUsesThePriorityAfterEnvironmentAndVerbose() {
        env.put("LIBVIRT_DEBUG", "4");
        assertEquals("2:stderr", decide(3, "", "", true, false).defaultOutput());
        assertEquals(List.of("3:stderr"), texts(decide(1, "", "3:stderr", true, false).settings().outputs()),
                "configured outputs keep their own priority");
    }
}
