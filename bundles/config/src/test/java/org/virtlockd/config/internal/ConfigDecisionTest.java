package org.virtlockd.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * From a file on disk to what is published or to the launcher's message. The "Can't load config file" texts
 * are those libvirt 9.0.0's virtlockd logs for the same situations (checked by running it).
 */
class ConfigDecisionTest {
    @TempDir
    Path dir;

    @Test
    void missingExplicitFileFails() {
        Path file = dir.resolve("nope.conf");
        assertFailed("Can't load config file: Failed to open file '" + file + "': No such file or directory: " + file,
                ConfigDecision.decide(file, true, false));
    }

    @Test
    void missingDefaultFileGivesDefaults() {
        Path file = dir.resolve("libvirt/virtlockd.conf");
        LoadOutcome.Loaded loaded = assertInstanceOf(LoadOutcome.Loaded.class, ConfigDecision.decide(file, false, false));
        assertEquals(DaemonSettings.defaults(), loaded.settings());
        assertEquals(Map.of("maxClients", 1024, "adminMaxClients", 5000, "virtlockd.configFile", file.toString()),
                loaded.transport());
        assertEquals(Map.of("logLevel", 3, "logFilters", "", "logOutputs", "", "verbose", false,
                "virtlockd.configFile", file.toString()), loaded.logging());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void badDefaultFileStillFails() throws IOException {
        Path file = write("x.conf", "max_clients = \n");
        assertFailed("Can't load config file: configuration file syntax error: " + file + ":1: expecting a value: "
                + file, ConfigDecision.decide(file, false, false));
    }

    @Test
    void directoryFails() throws IOException {
        Path file = Files.createDirectory(dir.resolve("dd"));
        for (boolean explicit : new boolean[] {true, false}) {
            assertFailed("Can't load config file: Failed to read file '" + file + "': Is a directory: " + file,
                    ConfigDecision.decide(file, explicit, false));
        }
    }

    @Test
    void pathThroughAFileFailsEvenForTheDefault() throws IOException {
        Path file = write("f", "").resolve("x.conf");
        assertFailed("Can't load config file: Failed to open file '" + file + "': Not a directory: " + file,
                ConfigDecision.decide(file, false, false));
    }

    @Test
    void permissionDeniedIsWordedAsStrerror() {
        // tests run as root, who may read anything: check the mapping of the JDK's exception instead
        assertEquals("Permission denied", ConfFileReader.reason(new AccessDeniedException("/x")));
    }

    @Test
    void sizeLimitIsTenMebibytes() throws IOException {
        int max = ConfFileReader.MAX_CONFIG_FILE_SIZE;
        assertEquals(10 * 1024 * 1024, max);
        Path exact = write("exact.conf", "a = 1\n" + " ".repeat(max - 6));
        assertInstanceOf(LoadOutcome.Loaded.class, ConfigDecision.decide(exact, true, false));
        Path over = write("over.conf", "a = 1\n" + " ".repeat(max - 5));
        assertFailed("Can't load config file: Failed to read file '" + over
                + "': Value too large for defined data type: " + over, ConfigDecision.decide(over, true, false));
    }

    @Test
    void typeErrorIsWrapped() throws IOException {
        Path file = write("x.conf", "max_clients = \"5\"\n");
        assertFailed("Can't load config file: internal error: " + file
                + ": expected an unsigned integer for 'max_clients' parameter: " + file,
                ConfigDecision.decide(file, true, false));
    }

    @ParameterizedTest(name = "log_level {0}, verbose {1} -> {2}")
    @CsvSource({"0,false,3", "1,false,1", "2,false,2", "3,false,3", "4,false,4",
        "0,true,2", "1,true,1", "2,true,2", "3,true,2", "4,true,2"})
    void logLevelDefaultAndVerbose(int logLevel, boolean verbose, int expected) throws IOException {
        Path file = write("x.conf", "log_level = " + logLevel + "\n");
        LoadOutcome.Loaded loaded = assertInstanceOf(LoadOutcome.Loaded.class, ConfigDecision.decide(file, true, verbose));
        assertEquals(expected, loaded.logging().get("logLevel"));
        assertEquals(verbose, loaded.logging().get("verbose"));
    }

    @ParameterizedTest
    @CsvSource({"5", "4294967295"})
    void logLevelAboveErrorFailsAsLibvirtsLoggingSetUp(String logLevel) throws IOException {
        Path file = write("x.conf", "log_level = " + logLevel + "\n");
        assertFailed("invalid argument: Failed to set logging priority, argument '" + logLevel + "' is invalid",
                ConfigDecision.decide(file, true, true));
    }

    @Test
    void publishesEverySettingTyped() throws IOException {
        Path file = write("x.conf", "log_level = 1\nlog_filters = \"1:locking\"\nlog_outputs = '1:stderr'\n"
                + "max_clients = 2147483647\nadmin_max_clients = 0\nunix_sock_group = \"libvirt\"\nfoo = 1\n");
        LoadOutcome.Loaded loaded = assertInstanceOf(LoadOutcome.Loaded.class, ConfigDecision.decide(file, true, false));
        assertEquals(Map.of("maxClients", Integer.MAX_VALUE, "adminMaxClients", 0,
                "virtlockd.configFile", file.toString()), loaded.transport());
        assertEquals(Map.of("logLevel", 1, "logFilters", "1:locking", "logOutputs", "1:stderr", "verbose", false,
                "virtlockd.configFile", file.toString()), loaded.logging());
        assertEquals(List.of("Unknown configuration key 'unix_sock_group' in " + file + ", ignored",
                "Unknown configuration key 'foo' in " + file + ", ignored"), loaded.warnings());
    }

    @ParameterizedTest
    @CsvSource({"max_clients", "admin_max_clients"})
    void limitAboveIntMaxIsRefusedNamingTheKey(String key) throws IOException {
        Path file = write("x.conf", key + " = 2147483648\n");
        assertFailed("Can't load config file: internal error: " + file + ": value for '" + key
                + "' parameter must be in range 0:2147483647: " + file, ConfigDecision.decide(file, true, false));
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertFailed(String expected, LoadOutcome outcome) {
        assertEquals(expected, assertInstanceOf(LoadOutcome.Failed.class, outcome).message());
    }
}
