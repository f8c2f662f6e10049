package org.virtlockd.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static void writeAllLevels(Outputs o) {
        for (int p = LogSettings.DEBUG; p <= LogSettings.ERROR; p++) {
            o.write(p, "line " + p);
        }
    }

    @Test
    void fileGetsOnlyLinesAtOrAboveItsPriority() throws IOException {
        Path log = dir.resolve("sub/dir/x.log");
        try (Outputs o = new Outputs(List.of(new LogSettings.OutputSpec(LogSettings.INFO, "file", log.toString())))) {
            writeAllLevels(o);
        }
        assertEquals("line 2\nline 3\nline 4\n", Files.readString(log));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fileIsAppendedTo() throws IOException {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "old\n");
        try (Outputs o = new Outputs(List.of(new LogSettings.OutputSpec(LogSettings.ERROR, "file", log.toString())))) {
            writeAllLevels(o);
        }
        assertEquals("old\nline 4\n", Files.readString(log));
    }

    @Test
    void stderrAndFileEachApplyTheirOwnPriority() throws IOException {
        Path log = dir.resolve("all.log");
        Outputs o = new Outputs(List.of(new LogSettings.OutputSpec(LogSettings.WARNING, "stderr", ""),
                new LogSettings.OutputSpec(LogSettings.DEBUG, "file", log.toString())));
        writeAllLevels(o);
        o.close();
        assertEquals("line 3\nline 4\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("line 1\nline 2\nline 3\nline 4\n", Files.readString(log));
        assertFalse(errClosed, "closing the outputs must not close stderr");
        o.write(LogSettings.ERROR, "after close");
        assertEquals("line 3\nline 4\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unopenableFileFails() {
        Path notADirectory = dir;
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new Outputs(List.of(new LogSettings.OutputSpec(1, "file", notADirectory.toString()))));
    }
}
