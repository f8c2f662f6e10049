package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.jr.ob.JSON;

/**
 * The re-exec state file (spec 6.12), libvirt 9.0's JSON document at libvirt's path. Reading follows
 * libvirt's {@code virLockDaemonPostExecRestart}: at most {@value #MAX_BYTES} bytes, the file is removed
 * whatever it holds, a document whose {@code magic} is another pid is ignored with a warning, and one that
 * cannot be parsed (or has no magic) is an error (the daemon exits with 3). Writing uses mode 0700 as libvirt
 * does, pretty-printed, top-level keys in libvirt's order ({@code daemon}, {@code defaultLockspace},
 * {@code lockspaces}, then {@code magic}). Text outside ASCII is written as {@code \\u} escapes: names that
 * are not valid UTF-8 travel as unpaired surrogates ({@code RawStrings}), which only an escape can carry.
 */
final class RestartStateFile {

    /** libvirt's read limit for the state file (10 MB). */
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final String MAGIC = "magic";
    /** Top-level keys in libvirt's order; any others follow them, then the magic. */
    static final List<String> KEY_ORDER = List.of("daemon", "defaultLockspace", "lockspaces");

    private static final JSON JSON_IO = JSON.builder(JsonFactory.builder()
                    .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build())
            .enable(JSON.Feature.PRETTY_PRINT_OUTPUT)
            .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RestartStateFile() {
    }

    /** The state file exists but cannot be used: the daemon exits with {@code VIR_DAEMON_ERR_INIT}. */
    static final class StateException extends Exception {
        private static final long serialVersionUID = 1L;

        StateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads and removes the state file.
     *
     * @param file the state file
     * @param pid this process's pid, the magic a state for this process carries
     * @return the document when it is this process's; empty when there is none or it is another process's
     * @throws StateException when it is unreadable, too large, unparseable or has no magic
     */
    static Optional<Map<String, Object>> load(Path file, long pid) throws StateException {
        byte[] bytes;
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
            if (ch.size() > MAX_BYTES) {
                throw new StateException("Failed to read file '" + file + "': File too large", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StateException("Failed to open file '" + file + "': " + e.getMessage(), e);
        } finally {
            deleteQuietly(file);
        }
        Map<String, Object> doc;
        try {
            doc = JSON_IO.mapFrom(bytes);
        } catch (IOException | RuntimeException e) {
            throw new StateException("cannot parse json " + file + ": " + e.getMessage(), e);
        }
        if (doc == null || !(doc.get(MAGIC) instanceof String magic)) {
            throw new StateException("Missing magic data in JSON document", null);
        }
        if (!magic.equals(Long.toString(pid))) {
            Log.warning("restart", "Found restart exec file with old magic " + magic + " vs wanted " + pid);
            return Optional.empty();
        }
        return Optional.of(doc);
    }

    /** @return the document with the entries in libvirt's order and the magic of {@code pid} last */
    static Map<String, Object> document(Map<String, Object> entries, long pid) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (String key : KEY_ORDER) {
            if (entries.containsKey(key)) {
                doc.put(key, entries.get(key));
            }
        }
        entries.forEach(doc::putIfAbsent);
        doc.remove(MAGIC);
        doc.put(MAGIC, Long.toString(pid));
        return doc;
    }

    static byte[] encode(Map<String, Object> doc) throws IOException {
        return JSON_IO.asBytes(doc);
    }

    /**
     * Writes the file anew with mode 0700 (libvirt's). Any failure (a full disk, a read-only directory)
     * leaves no file behind.
     */
    static void write(Path file, byte[] json) throws IOException {
        deleteQuietly(file);
        try (SeekableByteChannel ch = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))) {
            ByteBuffer buf = ByteBuffer.wrap(json);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (IOException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.warning("restart", "cannot remove " + file + ": " + e.getMessage());
        }
    }

    /** @return descriptors named in a set, for messages */
    static String describe(Set<Integer> fds) {
        return fds.stream().sorted().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("none");
    }
}
