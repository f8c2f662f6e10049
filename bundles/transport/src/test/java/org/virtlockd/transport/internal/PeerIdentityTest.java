package org.virtlockd.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PeerIdentityTest {

    private static long parse(String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return PeerIdentity.startTime(b, b.length, 42);
    }

    @Test
    void readsField22AfterACommandWithSpacesAndParentheses() throws IOException {
        String rest = " S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 987654321 20 21 22\n";
        assertEquals(987654321L, parse("42 (a) b) (c" + ")" + rest));
        assertEquals(987654321L, parse("42 (x)" + rest));
    }

    @Test
    void ownEntryMatchesTheSplitParse() throws IOException {
        long pid = ProcessHandle.current().pid();
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        assertEquals(Long.parseLong(f[19]), PeerIdentity.startTimeOf(pid));
    }

    @Test
    void refusesBrokenEntries() {
        assertEquals("unreadable /proc/42/stat", assertThrows(IOException.class, () -> parse("42 x S 1 2")).getMessage());
        assertEquals("short /proc/42/stat", assertThrows(IOException.class, () -> parse("42 (x) S 1 2 3\n")).getMessage());
        assertEquals("bad start time in /proc/42/stat", assertThrows(IOException.class,
                () -> parse("42 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 12a 20\n")).getMessage());
        assertEquals("bad start time in /proc/42/stat", assertThrows(IOException.class,
                () -> parse("42 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18  20\n")).getMessage());
    }

    @Test
    void aGonePeerIsAnError() {
        assertThrows(NoSuchFileException.class, () -> PeerIdentity.startTimeOf(Integer.MAX_VALUE));
    }
}
