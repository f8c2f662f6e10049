package org.virtlockd.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defaults, values and type errors of each key; the messages are libvirt 9.0.0's, checked with its virtlockd. */
class DaemonSettingsTest {
    private static final String F = "/home/u/.config/libvirt/virtlockd.conf";

    @Test
    void defaultsAreLibvirts() {
        assertEquals(new DaemonSettings(0, "", "", 1024, 5000, List.of()), DaemonSettings.defaults());
    }

    @Test
    void fileWithoutSettingsGivesDefaults() throws ConfigException {
        assertEquals(DaemonSettings.defaults(), settings("# nothing\n"));
    }

    @Test
    void readsEveryKey() throws ConfigException {
        DaemonSettings s = settings("log_level = 1\nlog_filters = \"1:locking 3:rpc\"\n"
                + "log_outputs = '2:file:/tmp/l.log'\nmax_clients = 0\nadmin_max_clients = 4294967295\n");
        assertEquals(new DaemonSettings(1, "1:locking 3:rpc", "2:file:/tmp/l.log", 0, 4294967295L, List.of()), s);
    }

    @Test
    void acceptsPlusSignAndTripleQuotes() throws ConfigException {
        DaemonSettings s = settings("max_clients = +7\nlog_outputs = \"\"\"1:stderr\n2:journald\"\"\"\n");
        assertEquals(7, s.maxClients());
        assertEquals("1:stderr\n2:journald", s.logOutputs());
    }

    @Test
    void listsUnknownKeysInFileOrderOnce() throws ConfigException {
        DaemonSettings s = settings("unix_sock_group = \"libvirt\"\nmax_clients = 3\nfoo = [1]\nunix_sock_group = 1\n");
        assertEquals(List.of("unix_sock_group", "foo"), s.unknownKeys());
        assertEquals(3, s.maxClients());
    }

    @Test
    void keysAreCaseSensitive() throws ConfigException {
        DaemonSettings s = settings("MAX_CLIENTS = \"x\"\n");
        assertEquals(1024, s.maxClients());
        assertEquals(List.of("MAX_CLIENTS"), s.unknownKeys());
    }

    @Test
    void firstOfRepeatedKeyCounts() throws ConfigException {
        assertEquals(5, settings("max_clients = 5\nmax_clients = \"x\"\n").maxClients());
        ConfigException e = assertThrows(ConfigException.class,
                () -> settings("max_clients = \"x\"\nmax_clients = 5\n"));
        assertEquals(notUnsigned("max_clients"), e.getMessage());
    }

    static Stream<Arguments> typeErrors() {
        return Stream.of(
                Arguments.of("log_level = \"1\"\n", notUnsigned("log_level")),
                Arguments.of("log_level = \"\"\n", notUnsigned("log_level")),
                Arguments.of("log_level = []\n", notUnsigned("log_level")),
                Arguments.of("log_level = 4294967296\n", range("log_level")),
                Arguments.of("log_filters = 5\n", notString("log_filters")),
                Arguments.of("log_filters = -3\n", notString("log_filters")),
                Arguments.of("log_filters = [\"a\"]\n", notString("log_filters")),
                Arguments.of("log_outputs = -5\n", notString("log_outputs")),
                Arguments.of("log_outputs = ['1:stderr']\n", notString("log_outputs")),
                Arguments.of("max_clients = -1\n", notUnsigned("max_clients")),
                Arguments.of("max_clients = -0\n", notUnsigned("max_clients")),
                Arguments.of("max_clients = \"5\"\n", notUnsigned("max_clients")),
                Arguments.of("max_clients = [1]\n", notUnsigned("max_clients")),
                Arguments.of("max_clients = 4294967296\n", range("max_clients")),
                Arguments.of("max_clients = 18446744073709551615\n", range("max_clients")),
                Arguments.of("max_clients = 99999999999999999999\n", range("max_clients")),
                Arguments.of("admin_max_clients = 'a'\n", notUnsigned("admin_max_clients")),
                Arguments.of("admin_max_clients = -3\n", notUnsigned("admin_max_clients")),
                Arguments.of("admin_max_clients = 4294967296\n", range("admin_max_clients")),
                // libvirt reads the keys in a fixed order and reports the first bad one
                Arguments.of("admin_max_clients = 'x'\nlog_level = 'y'\n", notUnsigned("log_level")),
                Arguments.of("admin_max_clients = 'x'\nmax_clients = [1]\nlog_outputs = 3\n", notString("log_outputs")));
    }

    @ParameterizedTest
    @MethodSource("typeErrors")
    void rejectsWrongTypesAndRanges(String input, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(input));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void wrappedNumberWithinRangeIsAccepted() throws ConfigException {
        // 2^64 wraps to 0 in libvirt's parser, and its virtlockd starts with max_clients 0
        assertEquals(0, settings("max_clients = 18446744073709551616\n").maxClients());
    }

    private static DaemonSettings settings(String text) throws ConfigException {
        return DaemonSettings.from(VirConfParser.parse(F, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String notUnsigned(String key) {
        return "internal error: " + F + ": expected an unsigned integer for '" + key + "' parameter";
    }

    private static String notString(String key) {
        return "internal error: " + F + ": expected a string for '" + key + "' parameter";
    }

    private static String range(String key) {
        return "internal error: " + F + ": value for '" + key + "' parameter must be in range 0:4294967295";
    }
}
