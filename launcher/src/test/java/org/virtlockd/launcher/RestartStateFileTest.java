package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The re-exec state file: libvirt's read rules, libvirt's key order and mode, and names that are not UTF-8. */
class RestartStateFileTest {

    @TempDir
    Path dir;

    @Test
    void noFileIsAFreshStart() throws Exception {
        assertEquals(Optional.empty(), RestartStateFile.load(dir.resolve("virtlockd-restart-exec.json"), 42));
    }

    @Test
    void aStateForThisPidIsReadAndRemoved() throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "{\"daemon\": {\"servers\": {}}, \"magic\": \"42\"}");
        Map<String, Object> doc = RestartStateFile.load(f, 42).orElseThrow();
        assertEquals(Map.of("servers", Map.of()), doc.get("daemon"));
        assertFalse(Files.exists(f), "removed once read, as libvirt does");
    }

    @Test
    void anotherPidsStateIsIgnoredAndRemoved() throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "{\"magic\": \"41\"}");
        assertEquals(Optional.empty(), RestartStateFile.load(f, 42));
        assertFalse(Files.exists(f));
    }

    @Test
    void unparseableOrMagicLessStatesAreErrors() throws Exception {
        Path f = Files.writeString(dir.resolve("s.json"), "{\"daemon\": ");
        RestartStateFile.StateException bad = assertThrows(RestartStateFile.StateException.class, () -> RestartStateFile.load(f, 42));
        assertTrue(bad.getMessage().startsWith("cannot parse json " + f), bad.getMessage());
        assertFalse(Files.exists(f));
        Path g = Files.writeString(dir.resolve("t.json"), "{\"daemon\": {}}");
        assertEquals("Missing magic data in JSON document",
                assertThrows(RestartStateFile.StateException.class, () -> RestartStateFile.load(g, 42)).getMessage());
    }

    @Test
    void moreThanTenMegabytesIsRefused() throws Exception {
        Path f = dir.resolve("big.json");
        Files.write(f, new byte[(int) RestartStateFile.MAX_BYTES + 1]);
        RestartStateFile.StateException e = assertThrows(RestartStateFile.StateException.class, () -> RestartStateFile.load(f, 42));
        assertEquals("Failed to read file '" + f + "': File too large", e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void writtenInLibvirtsKeyOrderWithTheMagicLastAndMode0700() throws Exception {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("lockspaces", List.of());
        entries.put("daemon", Map.of("servers", Map.of()));
        entries.put("defaultLockspace", Map.of("resources", List.of()));
        Map<String, Object> doc = RestartStateFile.document(entries, 7851);
        assertEquals(List.of("daemon", "defaultLockspace", "lockspaces", "magic"), List.copyOf(doc.keySet()));
        assertEquals("7851", doc.get("magic"), "the pid as a string");
        Path f = dir.resolve("out.json");
        RestartStateFile.write(f, RestartStateFile.encode(doc));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        String text = Files.readString(f);
        assertTrue(text.startsWith("{\n  \"daemon\""), "pretty-printed: " + text);
        assertEquals(doc, RestartStateFile.load(f, 7851).orElseThrow());
    }

    @Test
    void namesThatAreNotUtf8SurviveAsEscapes() throws Exception {
        // RawStrings carries the byte 0xff of a name as U+DCFF, an unpaired surrogate: only an escape can hold it.
        String raw = "/srv/disk-\uDCFF-\u00e9";
        Map<String, Object> doc = RestartStateFile.document(Map.of("defaultLockspace", Map.of("resources",
                List.of(Map.of("name", raw)))), 9);
        byte[] json = RestartStateFile.encode(doc);
        String text = new String(json, StandardCharsets.US_ASCII);
        assertTrue(text.contains("disk-\\uDCFF-\\u00E9"), text);
        Path f = dir.resolve("raw.json");
        RestartStateFile.write(f, json);
        assertEquals(doc, RestartStateFile.load(f, 9).orElseThrow());
    }
}
