package org.virtlockd.filelock.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtlockd.api.LockException;
import org.virtlockd.api.RawStrings;
import org.virtlockd.filelock.LockedFile;

/**
 * Paths holding bytes that are not UTF-8 (escape characters {@code U+DC80..U+DCFF}, see
 * {@link RawStrings}) reach the file system as those bytes. Java's own file API cannot name such
 * files, so the directories are listed with {@code ls}, which shows the bytes as octal escapes.
 */
class RawPathTest {

    private static final long SELF = ProcessHandle.current().pid();
    /** Bytes ff c3, as the protocol decodes them. */
    private static final String INVALID = RawStrings.fromBytes(new byte[] {(byte) 0xFF, (byte) 0xC3});

    @TempDir
    Path dir;

    private final NativeFileLocks locks = new NativeFileLocks();

    @Test
    void lockspaceDirectoryIsCreatedWithTheRawBytes() throws Exception {
        String lockspace = dir + "/l" + INVALID;
        locks.createDirectory(lockspace);
        assertEquals(List.of("l\\377\\303"), rawListing(dir.toString()));
        locks.createDirectory(lockspace); // stat finds it: no error, nothing new
        locks.createDirectory(lockspace + "/sub" + INVALID + "/x");
        assertEquals(List.of("l\\377\\303"), rawListing(dir.toString()));
        assertEquals(List.of("sub\\377\\303"), rawListing(lockspace));
    }

    @Test
    void resourceIsCreatedLockedAndUnlinkedByItsRawBytes() throws Exception {
        String lockspace = dir + "/l" + INVALID;
        locks.createDirectory(lockspace);
        String resource = lockspace + "/r" + INVALID;
        LockedFile held = locks.acquire(resource, "r" + INVALID, false, true);
        assertEquals(List.of("r\\377\\303"), rawListing(lockspace));
        assertEquals(List.of("POSIX ADVISORY WRITE 0 0"), ProcLocks.of(SELF, held.device(), held.inode()));
        LockedFile again = locks.acquire(resource, "r" + INVALID, false, false); // open without O_CREAT finds it
        assertEquals(held.inode(), again.inode());
        locks.close(again);
        locks.close(held);
        locks.unlink(resource);
        assertEquals(List.of(), rawListing(lockspace));
    }

    @Test
    void touchCreatesTheRawName() throws Exception {
        String path = dir + "/t" + INVALID;
        locks.touch(path);
        assertEquals(List.of("t\\377\\303"), rawListing(dir.toString()));
        locks.unlink(path);
        assertEquals(List.of(), rawListing(dir.toString()));
    }

    @Test
    void errorTextsKeepTheStringFormThatEncodesToTheSameBytes() {
        String path = dir + "/m" + INVALID;
        LockException e = assertThrows(LockException.class, () -> locks.acquire(path, "m", false, false));
        assertEquals("Unable to open resource " + path, e.detail());
        byte[] detail = RawStrings.toBytes(e.detail());
        assertArrayEquals(new byte[] {'m', (byte) 0xFF, (byte) 0xC3},
                Arrays.copyOfRange(detail, detail.length - 3, detail.length));
    }

    @Test
    void pathBytesAreNulTerminated() {
        assertArrayEquals(new byte[] {'/', 'l', (byte) 0xFF, (byte) 0xC3, 0}, Native.path("/l" + INVALID));
        assertArrayEquals(new byte[] {'/', (byte) 0xC3, (byte) 0xA9, 0}, Native.path("/\u00e9"));
    }

    /** Java cannot delete what it cannot name: empties the temporary directory with rm first. */
    @AfterEach
    void removeRawNames() throws Exception {
        shell("rm -rf -- \"$d\"/*", dir.toString());
    }

    /** The directory's entries, one per line, with bytes outside printable ASCII as octal escapes. */
    private static List<String> rawListing(String directory) throws IOException, InterruptedException {
        String out = shell("ls -1 --quoting-style=escape -- \"$d\"", directory);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /**
     * Runs a shell command with {@code $d} set to the directory's raw bytes, passed on standard input
     * (command-line arguments of a Java process would be encoded lossily).
     */
    private static String shell(String command, String directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "IFS= read -r d && " + command);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(RawStrings.toBytes(directory + "\n"));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
