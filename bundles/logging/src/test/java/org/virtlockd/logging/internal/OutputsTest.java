package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.logging.LogSettingsException;

class OutputsTest {

    @TempDir
    Path dir;

    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean errClosed;

    @BeforeEach
    void captureStderr() {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8) {
            @Override
            public void close() {
                errClosed = true;
                super.close();
            }
        });
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(realErr);
    }

    private static LogLine line(int priority) {
        return new LogLine(0, priority, "src", "line " + priority);
    }

    private static void writeAllLevels(Outputs o) {
        for (int p = LogSettings.DEBUG; p <= LogSettings.ERROR; p++) {
            o.write(line(p));
        }
    }

    private static List<String> expected(int... priorities) {
        List<String> out = new ArrayList<>();
        for (int p : priorities) {
            out.add(line(p).text());
        }
        return out;
    }

    private static Outputs open(String outputs) throws LogSettingsException {
        return new Outputs(LogSettings.parseOutputs(outputs));
    }

    @Test
    void fileGetsOnlyLinesAtOrAboveItsPriorityWithMode0600() throws Exception {
        Path log = dir.resolve("x.log");
        try (Outputs o = open("2:file:" + log)) {
            writeAllLevels(o);
        }
        assertEquals(expected(2, 3, 4), Files.readAllLines(log));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fileIsAppendedTo() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "old\n");
        try (Outputs o = open("4:file:" + log)) {
            writeAllLevels(o);
        }
        assertEquals("old\n" + line(4).text() + "\n", Files.readString(log));
    }

    @Test
    void stderrAndFileEachApplyTheirOwnPriority() throws Exception {
        Path log = dir.resolve("all.log");
        Outputs o = open("3:stderr 1:file:" + log);
        writeAllLevels(o);
        o.close();
        assertEquals(String.join("\n", expected(3, 4)) + "\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(expected(1, 2, 3, 4), Files.readAllLines(log));
        assertFalse(errClosed, "closing the outputs must not close stderr");
        o.write(line(4));
        assertEquals(String.join("\n", expected(3, 4)) + "\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fileFailuresCarryLibvirtsTextAndErrno() throws IOException {
        LogSettingsException missing = assertThrows(LogSettingsException.class, () -> open("1:file:" + dir + "/no/x.log"));
        assertEquals("failed to open " + dir + "/no/x.log", missing.detail());
        assertEquals(2, missing.errno());
        assertEquals("No such file or directory", missing.reason());
        LogSettingsException directory = assertThrows(LogSettingsException.class, () -> open("1:file:" + dir));
        assertEquals("failed to open " + dir + ": Is a directory", directory.getMessage());
        assertEquals(21, directory.errno());
        Files.writeString(dir.resolve("file"), "");
        LogSettingsException notDir = assertThrows(LogSettingsException.class, () -> open("1:file:" + dir + "/file/x"));
        assertEquals(20, notDir.errno());
        assertEquals("Not a directory", notDir.reason());
    }

    @Test
    void aFailingOutputClosesTheOnesOpenedBefore() throws Exception {
        Path first = dir.resolve("first.log");
        assertThrows(LogSettingsException.class, () -> open("1:file:" + first + " 1:file:" + dir + "/no/x.log"));
        assertEquals("", Files.readString(first), "created, then closed, nothing written");
    }
}
