package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.virtlockd.logging.internal.LogSettings.Filter;
import org.virtlockd.logging.internal.LogSettings.OutputSpec;

/** Parsing as libvirt 9.0.0 does it; every error text below was produced by its virt-admin daemon-log-* commands. */
class LogSettingsTest {

    private static String filterError(String text) {
        return assertThrows(IllegalArgumentException.class, () -> LogSettings.parseFilters(text)).getMessage();
    }

    private static String outputError(String text) {
        return assertThrows(IllegalArgumentException.class, () -> LogSettings.parseOutputs(text)).getMessage();
    }

    @Test
    void filters() {
        assertEquals(List.of(new Filter(1, "foo"), new Filter(2, "bar"), new Filter(3, "baz")),
                LogSettings.parseFilters("1:+foo 2:bar  3:baz"));
        assertEquals(List.of(), LogSettings.parseFilters(""));
        assertEquals(List.of(), LogSettings.parseFilters("   "));
        assertEquals(List.of(), LogSettings.parseFilters(null));
        assertEquals(List.of(new Filter(4, "x")), LogSettings.parseFilters(" 4:x "));
    }

    @Test
    void filterPriorityIsReadLikeStrtoul() {
        assertEquals(List.of(new Filter(1, "foo")), LogSettings.parseFilters("01:foo"));
        assertEquals(List.of(new Filter(1, "foo")), LogSettings.parseFilters("+1:foo"));
        assertEquals(List.of(new Filter(1, "foo")), LogSettings.parseFilters("\t1:foo"));
        assertEquals(List.of(new Filter(2, "foo")), LogSettings.parseFilters("0000000000000002:foo"));
    }

    @Test
    void onlyTheSecondTokenAndOnlySpacesSeparate() {
        assertEquals(List.of(new Filter(1, "a")), LogSettings.parseFilters("1:a:b"));
        assertEquals(List.of(new Filter(1, "foo\t2")), LogSettings.parseFilters("1:foo\t2:bar"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x|Malformed format for filter 'x'",
        "1 :foo|Malformed format for filter '1'",
        ":foo|Invalid priority '' for filter ':foo'",
        "5:foo|Invalid priority '5' for filter '5:foo'",
        "0:foo|Invalid priority '0' for filter '0:foo'",
        "-1:foo|Invalid priority '-1' for filter '-1:foo'",
        "a:foo|Invalid priority 'a' for filter 'a:foo'",
        "1x:foo|Invalid priority '1x' for filter '1x:foo'",
        "4294967297:foo|Invalid priority '4294967297' for filter '4294967297:foo'",
        "1:|Invalid match string ''",
        "1:+|Invalid match string '+'",
        "1:ok 2:|Invalid match string ''"})
    void badFilters(String text, String message) {
        assertEquals(message, filterError(text));
    }

    @Test
    void firstMatchingFilterWins() {
        LogSettings s = new LogSettings(3, LogSettings.parseFilters("1:transport 4:trans 2:+lockspace"), List.of());
        assertEquals(1, s.thresholdFor("org.virtlockd.transport.internal.Session"));
        assertEquals(4, s.thresholdFor("translate"));
        assertEquals(2, s.thresholdFor("org.virtlockd.lockspace"));
        assertEquals(3, s.thresholdFor("org.virtlockd.config"));
    }

    @Test
    void matchIsAGlobInsideStars() {
        assertTrue(new Filter(1, "lock").matches("lock"));
        assertTrue(new Filter(1, "lock").matches("org.virtlockd.lockspace"));
        assertFalse(new Filter(1, "lock").matches("org.virtlo.ck"));
        assertTrue(new Filter(1, "a*d").matches("xxabcdxx"));
        assertTrue(new Filter(1, "a?c").matches("abc"));
        assertFalse(new Filter(1, "a?c").matches("ac"));
        assertTrue(new Filter(1, "Events.*").matches("Events.Bundle"));
        assertFalse(new Filter(1, "x*y").matches("yx"));
        assertTrue(LogSettings.glob("*", ""));
        assertTrue(LogSettings.glob("a*b*c", "aXbYbZc"));
        assertFalse(LogSettings.glob("a*b*c", "aXbYbZ"));
        assertTrue(LogSettings.glob("**x?*", "__x_"));
    }

    @Test
    void outputs() {
        assertEquals(List.of(new OutputSpec(3, "stderr", ""), new OutputSpec(1, "file", "/var/log/x.log")),
                LogSettings.parseOutputs("3:stderr  1:file:/var/log/x.log"));
        assertEquals(List.of(new OutputSpec(1, "stderr", "")), LogSettings.parseOutputs("01:stderr"));
        assertEquals(List.of(new OutputSpec(2, "stderr", "")), LogSettings.parseOutputs("\t2:stderr"));
        assertEquals(List.of(), LogSettings.parseOutputs(""));
        assertEquals("1:file:/a", new OutputSpec(1, "file", "/a").toString());
        assertEquals("3:stderr", new OutputSpec(3, "stderr", "").toString());
    }

    @Test
    void aRepeatedDestinationReplacesTheEarlierOne() {
        assertEquals(List.of(new OutputSpec(2, "stderr", "")), LogSettings.parseOutputs("1:stderr 2:stderr"));
        assertEquals(List.of(new OutputSpec(2, "file", "/b"), new OutputSpec(3, "stderr", "")),
                LogSettings.parseOutputs("1:stderr 2:file:/b 3:stderr"));
        assertEquals(List.of(new OutputSpec(1, "file", "/a"), new OutputSpec(2, "file", "/b")),
                LogSettings.parseOutputs("1:file:/a 2:file:/b"));
        assertEquals(List.of(new OutputSpec(4, "file", "/a")), LogSettings.parseOutputs("1:file:/a 4:file:/a"));
    }

    @Test
    void relativeFilePathsAreMadeAbsolute() {
        assertEquals(List.of(new OutputSpec(1, "file", Path.of("rel.log").toAbsolutePath().toString())),
                LogSettings.parseOutputs("1:file:rel.log"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x|Malformed format for log output 'x'",
        ":stderr|Invalid log priority '' for log output ':stderr'",
        "5:stderr|Invalid log priority '5' for log output '5:stderr'",
        "1:bogus|Invalid log destination 'bogus' for log output '1:bogus'",
        "1:STDERR|Invalid log destination 'STDERR' for log output '1:STDERR'",
        "1:stderr:x|Log output '1:stderr:x' does not meet the format requirements for destination type 'stderr'",
        "1:file|Log output '1:file' does not meet the format requirements for destination type 'file'",
        "1:file:/a.log:b|Log output '1:file:/a.log:b' does not meet the format requirements for destination type 'file'",
        "1:journald:x|Log output '1:journald:x' does not meet the format requirements for destination type 'journald'",
        "1:syslog|Log output '1:syslog' does not meet the format requirements for destination type 'syslog'",
        "3:stderr 9:stderr|Invalid log priority '9' for log output '9:stderr'"})
    void badOutputs(String text, String message) {
        assertEquals(message, outputError(text));
    }

    /** As libvirt 9.0.0 accepted and listed them (virt-admin daemon-log-outputs, live). */
    @Test
    void syslogAndJournald() {
        assertEquals(List.of(new OutputSpec(3, "syslog", "foo"), new OutputSpec(2, "journald", "")),
                LogSettings.parseOutputs("3:syslog:foo 2:journald"));
        assertEquals("3:syslog:foo 2:journald", String.join(" ",
                LogSettings.parseOutputs("3:syslog:foo 2:journald").stream().map(Object::toString).toList()));
        assertEquals("3:syslog:", LogSettings.parseOutputs("3:syslog:").get(0).toString());
        assertEquals(List.of(new OutputSpec(3, "syslog", "a"), new OutputSpec(1, "syslog", "b")),
                LogSettings.parseOutputs("3:syslog:a 1:syslog:b"));
        assertEquals(List.of(new OutputSpec(3, "journald", ""), new OutputSpec(2, "stderr", "")),
                LogSettings.parseOutputs("1:stderr 3:journald 2:stderr"));
        assertEquals(List.of(new OutputSpec(1, "file", "/tmp/c.log"), new OutputSpec(2, "journald", "")),
                LogSettings.parseOutputs("3:journald 1:file:/tmp/c.log 2:journald"));
    }

    /** libvirt's g_canonicalize_filename: "//", "." and ".." are resolved, a trailing slash dropped. */
    @Test
    void filePathsAreCanonical() {
        assertEquals("1:file:/tmp/w/b.log", LogSettings.parseOutputs("1:file:/tmp/x/../w/./b.log").get(0).toString());
        assertEquals("1:file:/tmp/w/a.log", LogSettings.parseOutputs("1:file:/tmp/w//a.log").get(0).toString());
        assertEquals("1:file:/tmp/w", LogSettings.parseOutputs("1:file:/tmp/w/").get(0).toString());
        assertEquals(List.of(new OutputSpec(4, "file", "/tmp/w/d.log")),
                LogSettings.parseOutputs("3:file:/tmp/w/d.log 4:file:/tmp/w//d.log"));
        assertEquals("1:file:" + Path.of("").toAbsolutePath(), LogSettings.parseOutputs("1:file:").get(0).toString());
    }

    @Test
    void filtersAreListedAsGlobs() {
        assertEquals("1:*foo* 2:*bar* 1:**x?*", String.join(" ",
                LogSettings.parseFilters("1:foo 2:+bar 1:*x?").stream().map(Object::toString).toList()));
    }
}
