package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.virtlockd.logging.LogSettingsException;

/** Reading and replacing outputs and filters at runtime, as virt-admin's daemon-log-* commands do. */
class LogControlTest extends LogFixture {

    @Test
    void listsWhatIsInUse() {
        environment.put("LIBVIRT_LOG_FILTERS", "1:lock 3:+rpc");
        LogOutputs c = component(false);
        c.activate(config(3, "", "3:stderr " + fileOutput(1)));
        assertEquals(List.of("3:stderr", "1:file:" + log()), c.outputs());
        assertEquals(List.of("1:*lock*", "3:*rpc*"), c.filters());
        c.deactivate();
        assertEquals(List.of(), c.outputs());
    }

    @Test
    void newOutputsReplaceTheOldOnesAtOnce() throws Exception {
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        Path other = dir.resolve("other.log");
        c.setOutputs("4:file:" + other);
        c.logged(entry("s", LogLevel.WARN, "warn", null, 0));
        c.logged(entry("s", LogLevel.ERROR, "error", null, 0));
        c.deactivate();
        assertEquals("", logged(), "the old output is closed");
        assertEquals(List.of("error : s : error"), tails(Files.readString(other)));
    }

    @Test
    void emptyOutputsMeanTheDefaultChosenAtStartUp() throws Exception {
        journald = true;
        terminal = false;
        LogOutputs c = component(false);
        c.activate(config(1, "", fileOutput(1)));
        c.setOutputs("");
        assertEquals(List.of("2:journald"), c.outputs());
        c.setOutputs(fileOutput(3));
        c.setOutputs(null);
        assertEquals(List.of("2:journald"), c.outputs());
        c.deactivate();
    }

    @Test
    void badOutputsKeepTheOldOnes() throws Exception {
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        LogSettingsException bad = assertThrows(LogSettingsException.class, () -> c.setOutputs("5:stderr"));
        assertEquals("Invalid log priority '5' for log output '5:stderr'", bad.getMessage());
        assertEquals(false, bad.isSystemError());
        LogSettingsException missing = assertThrows(LogSettingsException.class,
                () -> c.setOutputs("3:stderr 3:file:" + dir.resolve("no/such.log")));
        assertEquals("failed to open " + dir.resolve("no/such.log"), missing.detail());
        assertEquals(2, missing.errno());
        assertEquals(List.of(fileOutput(1)), c.outputs());
        c.logged(entry("s", LogLevel.ERROR, "still", null, 0));
        c.deactivate();
        assertEquals(List.of("error : s : still"), tails(logged()));
    }

    @Test
    void filtersChangeWhatIsLoggedAndTheLogServiceLevel() throws Exception {
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        c.setFilters("1:chatty");
        assertEquals(List.of("1:*chatty*"), c.filters());
        c.logged(entry("org.chatty.x", LogLevel.DEBUG, "shown", null, 0));
        c.logged(entry("org.quiet", LogLevel.DEBUG, "hidden", null, 0));
        assertEquals(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG), rootLevels.get(rootLevels.size() - 1));
        LogSettingsException bad = assertThrows(LogSettingsException.class, () -> c.setFilters("1:+"));
        assertEquals("Invalid match string '+'", bad.getMessage());
        assertEquals(List.of("1:*chatty*"), c.filters());
        c.setFilters("");
        assertEquals(List.of(), c.filters());
        assertEquals(Map.of(Logger.ROOT_LOGGER_NAME, LogLevel.WARN), rootLevels.get(rootLevels.size() - 1));
        c.logged(entry("org.chatty.x", LogLevel.DEBUG, "hidden again", null, 0));
        c.deactivate();
        assertEquals(List.of("debug : org.chatty.x : shown"), tails(logged()));
    }

    @Test
    void environmentAndVerboseApplyAtStartUp() throws Exception {
        environment.put("LIBVIRT_DEBUG", "4");
        environment.put("LIBVIRT_LOG_OUTPUTS", fileOutput(1));
        LogOutputs c = component(false, true);
        c.activate(config(1, "", "3:stderr"));
        assertEquals(List.of(fileOutput(1)), c.outputs());
        c.logged(entry("s", LogLevel.INFO, "info", null, 0));
        c.logged(entry("s", LogLevel.DEBUG, "debug", null, 0));
        c.deactivate();
        assertEquals(List.of("info : s : info"), tails(logged()));
    }

    @Test
    void aBadEnvironmentFailsTheDaemon() {
        environment.put("LIBVIRT_DEBUG", "7");
        LogOutputs c = component(false);
        c.activate(config(3, "", fileOutput(1)));
        assertEquals(List.of("FAILURE Invalid logging configuration: Failed to set logging priority, argument '7' is invalid"),
                failures);
        assertTrue(c.outputs().isEmpty());
        c.deactivate();
    }
}
