package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtlockd.launcher.Options.Action;
import org.virtlockd.launcher.Options.UsageException;

/**
 * The command line as glibc's getopt_long and libvirt 9.0.0's virtlockd handle it; the messages and the
 * accepted timeout values were checked against /usr/sbin/virtlockd.
 */
class OptionsTest {

    private static final String CMD = "/usr/sbin/virtlockd";

    private static Options parse(String... args) throws UsageException {
        return Options.parse(CMD, List.of(args));
    }

    private static UsageException failure(String... args) {
        return assertThrows(UsageException.class, () -> parse(args));
    }

    @Test
    void noArgumentsRunWithDefaults() throws Exception {
        Options o = parse();
        assertEquals(Action.RUN, o.action);
        assertFalse(o.verbose);
        assertFalse(o.daemon);
        assertNull(o.configFile);
        assertNull(o.pidFile);
        assertEquals(OptionalInt.empty(), o.timeout);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-v", "--verbose", "--verb", "--verbo"})
    void verbose(String arg) throws Exception {
        Options o = parse(arg);
        assertTrue(o.verbose);
        assertFalse(o.daemon);
        assertEquals(Action.RUN, o.action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-d", "--daemon", "--d", "--dae"})
    void daemon(String arg) throws Exception {
        Options o = parse(arg);
        assertTrue(o.daemon);
        assertFalse(o.verbose);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-V", "--version", "--vers", "--versio"})
    void version(String arg) throws Exception {
        assertEquals(Action.VERSION, parse(arg).action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help", "--h", "--he"})
    void help(String arg) throws Exception {
        assertEquals(Action.HELP, parse(arg).action);
    }

    @Test
    void configInEveryForm() throws Exception {
        assertEquals("/a.conf", parse("-f", "/a.conf").configFile);
        assertEquals("/b.conf", parse("-f/b.conf").configFile);
        assertEquals("/c.conf", parse("--config", "/c.conf").configFile);
        assertEquals("/d.conf", parse("--config=/d.conf").configFile);
        assertEquals("/e.conf", parse("--con=/e.conf").configFile);
        assertEquals("/f.conf", parse("--c", "/f.conf").configFile);
    }

    @Test
    void pidFileInEveryForm() throws Exception {
        assertEquals("/a.pid", parse("-p", "/a.pid").pidFile);
        assertEquals("/b.pid", parse("-p/b.pid").pidFile);
        assertEquals("/c.pid", parse("--pid-file", "/c.pid").pidFile);
        assertEquals("/d.pid", parse("--pid-file=/d.pid").pidFile);
        assertEquals("/e.pid", parse("--pid", "/e.pid").pidFile);
        assertEquals("/f.pid", parse("--p=/f.pid").pidFile);
    }

    @Test
    void emptyPidFileIsKeptAsEmpty() throws Exception {
        assertEquals("", parse("-p", "").pidFile);
        assertEquals("", parse("--pid-file=").pidFile);
    }

    @Test
    void timeoutInEveryForm() throws Exception {
        assertEquals(OptionalInt.of(5), parse("-t", "5").timeout);
        assertEquals(OptionalInt.of(6), parse("-t6").timeout);
        assertEquals(OptionalInt.of(7), parse("--timeout", "7").timeout);
        assertEquals(OptionalInt.of(8), parse("--timeout=8").timeout);
        assertEquals(OptionalInt.of(9), parse("--time=9").timeout);
        assertEquals(OptionalInt.of(10), parse("--t", "10").timeout);
    }

    @Test
    void argumentIsTakenEvenWhenItLooksLikeAnOption() throws Exception {
        assertEquals("-v", parse("-p", "-v").pidFile);
        assertEquals("--", parse("--config", "--").configFile);
    }

    @Test
    void clusteredFlags() throws Exception {
        Options o = parse("-vd");
        assertTrue(o.verbose);
        assertTrue(o.daemon);
    }

    @Test
    void clusterEndsWithAnArgumentOption() throws Exception {
        Options o = parse("-vdt", "12");
        assertTrue(o.verbose && o.daemon);
        assertEquals(OptionalInt.of(12), o.timeout);
        Options p = parse("-dp/x.pid", "-v");
        assertTrue(p.daemon && p.verbose);
        assertEquals("/x.pid", p.pidFile);
    }

    @Test
    void restOfClusterIsTheArgument() throws Exception {
        assertEquals("Invalid value for timeout", failure("-tvd").getMessage());
        Options o = parse("-t5vd");
        assertEquals(OptionalInt.of(5), o.timeout);
        assertFalse(o.verbose);
        assertFalse(o.daemon);
        assertEquals("vd", parse("-fvd").configFile);
    }

    @Test
    void versionActsWhereItStands() throws Exception {
        assertEquals(Action.VERSION, parse("-V", "-x").action);
        assertEquals(Action.VERSION, parse("-V", "-t", "nonsense").action);
        assertEquals(Action.VERSION, parse("-Vx").action);
        assertEquals(Action.HELP, parse("-h", "-V").action);
        assertEquals(Action.VERSION, parse("-V", "-h").action);
        assertEquals(CMD + ": invalid option -- 'x'", failure("-x", "-V").getMessage());
        assertEquals(CMD + ": invalid option -- 'x'", failure("-xV").getMessage());
        assertEquals("Invalid value for timeout", failure("-t", "x", "-V").getMessage());
    }

    @Test
    void nonOptionArgumentsAreIgnored() throws Exception {
        Options o = parse("foo", "-v", "bar", "-", "-d", "baz");
        assertTrue(o.verbose);
        assertTrue(o.daemon);
        assertEquals(Action.RUN, o.action);
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        Options o = parse("-v", "--", "-d", "-V", "-x");
        assertTrue(o.verbose);
        assertFalse(o.daemon);
        assertEquals(Action.RUN, o.action);
    }

    @Test
    void laterValueWins() throws Exception {
        Options o = parse("-p", "/a", "--pid-file=/b", "-t", "1", "-t", "2");
        assertEquals("/b", o.pidFile);
        assertEquals(OptionalInt.of(2), o.timeout);
    }

    @Test
    void getoptMessages() {
        assertEquals(CMD + ": option requires an argument -- 't'", failure("-t").getMessage());
        assertEquals(CMD + ": option requires an argument -- 'p'", failure("-vp").getMessage());
        assertEquals(CMD + ": option requires an argument -- 'f'", failure("-f").getMessage());
        assertEquals(CMD + ": option '--timeout' requires an argument", failure("--timeout").getMessage());
        assertEquals(CMD + ": option '--pid-file' requires an argument", failure("--pid").getMessage());
        assertEquals(CMD + ": option '--config' requires an argument", failure("--con").getMessage());
        assertEquals(CMD + ": option '--verbose' doesn't allow an argument", failure("--verbose=1").getMessage());
        assertEquals(CMD + ": option '--version' doesn't allow an argument", failure("--vers=").getMessage());
        assertEquals(CMD + ": option '--ver' is ambiguous; possibilities: '--verbose' '--version'",
                failure("--ver").getMessage());
        assertEquals(CMD + ": option '--v' is ambiguous; possibilities: '--verbose' '--version'",
                failure("--v").getMessage());
        assertEquals(CMD + ": unrecognized option '--foo'", failure("--foo").getMessage());
        assertEquals(CMD + ": unrecognized option '--foo=bar'", failure("--foo=bar").getMessage());
        assertEquals(CMD + ": unrecognized option '---v'", failure("---v").getMessage());
        assertEquals(CMD + ": invalid option -- 'x'", failure("-x").getMessage());
        assertEquals(CMD + ": invalid option -- ':'", failure("-:").getMessage());
        assertEquals(CMD + ": invalid option -- 'W'", failure("-vW").getMessage());
    }

    /** glibc prints the whole argument, "=value" included, in the ambiguity message (checked live). */
    @Test
    void ambiguityMessageKeepsTheValue() {
        assertEquals(CMD + ": option '--ver=1' is ambiguous; possibilities: '--verbose' '--version'",
                failure("--ver=1").getMessage());
        assertEquals(CMD + ": option '--=foo' is ambiguous; possibilities: '--verbose' '--daemon' '--config'"
                + " '--timeout' '--pid-file' '--version' '--help'", failure("--=foo").getMessage());
    }

    @Test
    void getoptErrorsShowUsageTimeoutErrorDoesNot() {
        assertTrue(failure("-x").showUsage());
        assertTrue(failure("--foo").showUsage());
        assertTrue(failure("-t").showUsage());
        assertFalse(failure("-t", "x").showUsage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0|0", "5|5", "+5|5", "\" 5\"|5", "5x|5", "-0|0", "0x10|0", "007|7", "2147483|2147483",
        "\"\t\n 42 \"|42", "00000000000000000000001|1"})
    void acceptedTimeouts(String text, int expected) throws Exception {
        assertEquals(OptionalInt.of(expected), parse("-t", text).timeout);
        assertEquals(expected, Options.parseTimeout(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147484", "-1", "", "x", "99999999999999999999", "-99999999999999999999", "+", "-",
        " ", "+-5", "2147483648", "\u001c5", "\u00a05", "\u20035"})
    void rejectedTimeouts(String text) {
        UsageException e = assertThrows(UsageException.class, () -> parse("-t", text));
        assertEquals("Invalid value for timeout", e.getMessage());
        assertFalse(e.showUsage());
    }

    @Test
    void timeoutMaximumIsIntMaxOverThousand() {
        assertEquals(2147483, Options.TIMEOUT_MAX);
    }
}
