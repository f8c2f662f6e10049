package org.virtlockd.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pid file lock against another process: fcntl locks belong to the process, so exclusion is tested with a
 * python3 child that locks byte 0, length 1 with {@code fcntl.lockf} (an F_SETLK write lock, like libvirt's).
 */
class PidFileTest {

    /** Opens argv[1] and answers "try" (lock, non-blocking) and "unlock" with one line each. */
    private static final String LOCKER = String.join("\n",
            "import errno, fcntl, os, sys",
            "fd = os.open(sys.argv[1], os.O_WRONLY)",
            "print('open', flush=True)",
            "for line in sys.stdin:",
            "    if line.strip() == 'try':",
            "        try:",
            "            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0)",
            "            print('locked', flush=True)",
            "        except OSError as e:",
            "            print(errno.errorcode[e.errno], flush=True)",
            "    elif line.strip() == 'unlock':",
            "        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 0)",
            "        print('unlocked', flush=True)",
            "");

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void writesTheDecimalPidWithoutNewline() throws Exception {
        Path p = dir.resolve("virtlockd.pid");
        try (PidFile f = PidFile.acquire(p, 12345)) {
            assertEquals(p, f.path());
            assertArrayEquals("12345".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(p));
        }
    }

    @Test
    void modeIs0644LessTheUmask() throws Exception {
        Path p = dir.resolve("mode.pid");
        try (PidFile f = PidFile.acquire(p, 1)) {
            int mode = 0644 & ~umask();
            assertEquals(PosixFilePermissions.toString(PosixFilePermissions.fromString(rwx(mode))),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        }
    }

    @Test
    void longerOldContentIsTruncated() throws Exception {
        Path p = dir.resolve("old.pid");
        Files.writeString(p, "9876543210\n");
        try (PidFile f = PidFile.acquire(p, 42)) {
            assertEquals("42", Files.readString(p));
        }
    }

    @Test
    void closeUnlinksTheFile() throws Exception {
        Path p = dir.resolve("gone.pid");
        PidFile f = PidFile.acquire(p, 7);
        assertTrue(Files.exists(p));
        f.close();
        assertFalse(Files.exists(p));
    }

    @Test
    void missingDirectoryFailsWithErrno() {
        Path p = dir.resolve("missing/virtlockd.pid");
        PidFile.PidFileException e = assertThrows(PidFile.PidFileException.class, () -> PidFile.acquire(p, 1));
        assertEquals("Failed to open pid file '" + p + "': No such file or directory", e.getMessage());
    }

    /**
     * fcntl locks are per process, but the JDK keeps a table of the locks its channels hold and refuses a second
     * one on the same bytes: a second acquire in the same JVM fails with a message (the daemon never does that;
     * each process image takes the pid file once).
     */
    @Test
    void aSecondAcquireInTheSameJvmIsRefused() throws Exception {
        Path p = dir.resolve("twice.pid");
        try (PidFile first = PidFile.acquire(p, 1)) {
            PidFile.PidFileException e = assertThrows(PidFile.PidFileException.class, () -> PidFile.acquire(p, 22));
            assertEquals("Failed to acquire pid file '" + p + "': this process holds it already", e.getMessage());
            assertEquals("1", Files.readString(p), "the first one's pid stays");
        }
    }

    @Test
    void anotherProcessCannotLockWhileWeHoldIt() throws Exception {
        Path p = dir.resolve("held.pid");
        PidFile f = PidFile.acquire(p, ProcessHandle.current().pid());
        Session s = startLocker(p);
        String answer = s.ask("try");
        assertTrue(answer.equals("EAGAIN") || answer.equals("EACCES"), answer);
        f.close();
        assertEquals("locked", s.ask("try"));
    }

    @Test
    void weCannotAcquireWhileAnotherProcessHoldsIt() throws Exception {
        Path p = dir.resolve("theirs.pid");
        Files.writeString(p, "777");
        Session s = startLocker(p);
        assertEquals("locked", s.ask("try"));
        PidFile.PidFileException e = assertThrows(PidFile.PidFileException.class, () -> PidFile.acquire(p, 1));
        assertEquals("Failed to acquire pid file '" + p + "': Resource temporarily unavailable", e.getMessage());
        assertEquals("777", Files.readString(p), "a failed acquire leaves the holder's pid alone");
        assertEquals("unlocked", s.ask("unlock"));
        try (PidFile f = PidFile.acquire(p, 888)) {
            String answer = s.ask("try");
            assertTrue(answer.equals("EAGAIN") || answer.equals("EACCES"), answer);
            // Only now: closing any other descriptor of the file in this process would drop our fcntl lock.
            assertEquals("888", Files.readString(p));
        }
    }

    private record Session(Writer in, BufferedReader out) {
        String ask(String command) throws IOException {
            in.write(command + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IOException("python3 locker ended before answering '" + command + "'");
            }
            return line;
        }
    }

    private Session startLocker(Path file) throws IOException {
        child = new ProcessBuilder("python3", "-c", LOCKER, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Session s = new Session(
                new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII),
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)));
        assertEquals("open", s.out().readLine());
        return s;
    }

    private static int umask() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Umask:")) {
                return Integer.parseInt(line.substring(6).trim(), 8);
            }
        }
        throw new IOException("no Umask line in /proc/self/status");
    }

    private static String rwx(int mode) {
        StringBuilder b = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            b.append((mode >> shift & 4) != 0 ? 'r' : '-').append((mode >> shift & 2) != 0 ? 'w' : '-')
                    .append((mode >> shift & 1) != 0 ? 'x' : '-');
        }
        return b.toString();
    }
}
