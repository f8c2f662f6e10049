package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pid file exactly as libvirt's {@code virPidFileAcquirePath} takes it: {@code open(O_WRONLY|O_CREAT, 0644)},
 * a non-blocking fcntl write lock on byte 0 (length 1), a check that the path still names the locked inode
 * (else retry), then the decimal pid without newline. Because ours and libvirt's lock the same byte the same
 * way, the two daemons exclude each other. Released by unlinking, then closing.
 *
 * <p>Done with the JDK, whose {@code FileChannel.tryLock} is that very {@code fcntl(F_SETLK)} on Linux (this is
 * the pid file, not a resource lock), so that start-up and above all a re-exec need no native binding here.
 * The opened file's device and inode come from {@code /proc/self/fd/<n>}, the descriptor the open added.
 */
final class PidFile implements AutoCloseable {

    /** Attempts before giving up when the file keeps being replaced under us. */
    private static final int MAX_ATTEMPTS = 100;
    private static final Path FD_DIRECTORY = Path.of("/proc/self/fd");
    /** strerror(EAGAIN): what libvirt prints when the lock is held elsewhere. */
    static final String LOCK_HELD = "Resource temporarily unavailable";

    private final Path path;
    private final FileChannel channel;

    private PidFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** A pid file that could not be acquired; the message is libvirt's. */
    static final class PidFileException extends Exception {
        private static final long serialVersionUID = 1L;

        PidFileException(String message) {
            super(message);
        }
    }

    static PidFile acquire(Path path, long pid) throws PidFileException {
        String p = path.toString();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Set<String> before = descriptorsOf(path);
            FileChannel ch;
            try {
                ch = FileChannel.open(path, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            } catch (IOException e) {
                throw new PidFileException("Failed to open pid file '" + p + "': " + reason(e));
            }
            try {
                Object opened = openedFile(path, before);
                FileLock lock;
                try {
                    lock = ch.tryLock(0, 1, false);
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    throw new PidFileException("Failed to acquire pid file '" + p + "': this process holds it already");
                }
                if (lock == null) {
                    throw new PidFileException("Failed to acquire pid file '" + p + "': " + LOCK_HELD);
                }
                Object now;
                try {
                    now = fileKey(path);
                } catch (IOException e) {
                    now = null; // unlinked meanwhile
                }
                if (!Objects.equals(opened, now)) {
                    ch.close();
                    continue;
                }
                byte[] text = Long.toString(pid).getBytes(StandardCharsets.US_ASCII);
                ch.truncate(0);
                ByteBuffer buf = ByteBuffer.wrap(text);
                while (buf.hasRemaining()) {
                    ch.write(buf, buf.position());
                }
                return new PidFile(path, ch);
            } catch (PidFileException e) {
                closeQuietly(ch);
                throw e;
            } catch (IOException e) {
                closeQuietly(ch);
                throw new PidFileException("Failed to write to pid file '" + p + "': " + reason(e));
            }
        }
        throw new PidFileException("Failed to acquire pid file '" + p + "': it keeps being replaced");
    }

    /** @return the descriptors of this process that name {@code path} now */
    private static Set<String> descriptorsOf(Path path) throws PidFileException {
        Set<String> fds = new HashSet<>();
        Path target;
        try {
            target = path.toAbsolutePath().getParent().toRealPath().resolve(path.getFileName());
        } catch (IOException e) {
            throw new PidFileException("Failed to open pid file '" + path + "': " + reason(e));
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(FD_DIRECTORY)) {
            for (Path fd : dir) {
                try {
                    if (Files.readSymbolicLink(fd).equals(target)) {
                        fds.add(fd.getFileName().toString());
                    }
                } catch (IOException e) {
                    // closed meanwhile by another thread: not ours
                }
            }
        } catch (IOException e) {
            throw new PidFileException("Unable to list " + FD_DIRECTORY + ": " + reason(e));
        }
        return fds;
    }

    /** The device and inode of the descriptor the open added for {@code path}. */
    private static Object openedFile(Path path, Set<String> before) throws IOException, PidFileException {
        Set<String> now = descriptorsOf(path);
        now.removeAll(before);
        if (now.size() != 1) {
            throw new PidFileException("Unable to check status of pid file '" + path + "': "
                    + now.size() + " new descriptors name it");
        }
        return fileKey(FD_DIRECTORY.resolve(now.iterator().next()));
    }

    private static Object fileKey(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino");
        return a.get("dev") + ":" + a.get("ino");
    }

    /** The C library's text for the common failures, as libvirt prints them. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String m = e.getMessage();
        return m != null ? m : e.toString();
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was held
        }
    }

    Path path() {
        return path;
    }

    /** Unlinks, then closes (which drops the lock), as libvirt does on a normal exit. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Log.warning("main", "cannot remove the pid file " + path + ": " + reason(e));
        }
        closeQuietly(channel);
    }
}
