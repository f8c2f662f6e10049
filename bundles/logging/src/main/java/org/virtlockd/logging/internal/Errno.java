package org.virtlockd.logging.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

import org.virtlockd.logging.LogSettingsException;

/**
 * The errno behind a failed file operation. The JDK reports the C library's text ({@code strerror}) but not
 * the number, which libvirt sends in its error ({@code int1}); the numbers are Linux's.
 */
final class Errno {

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("Operation not permitted", 1),
            Map.entry("No such file or directory", 2),
            Map.entry("Input/output error", 5),
            Map.entry("No such device or address", 6),
            Map.entry("Permission denied", 13),
            Map.entry("File exists", 17),
            Map.entry("No such device", 19),
            Map.entry("Not a directory", 20),
            Map.entry("Is a directory", 21),
            Map.entry("Invalid argument", 22),
            Map.entry("Too many open files in system", 23),
            Map.entry("Too many open files", 24),
            Map.entry("Text file busy", 26),
            Map.entry("File too large", 27),
            Map.entry("No space left on device", 28),
            Map.entry("Read-only file system", 30),
            Map.entry("File name too long", 36),
            Map.entry("Too many levels of symbolic links", 40),
            Map.entry("Disk quota exceeded", 122));

    /** The JDK's text for ELOOP adds to the C library's. */
    private static final String ELOOP_PREFIX = "Too many levels of symbolic links";

    private Errno() {
    }

    static LogSettingsException systemError(String detail, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "No such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "Permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            reason = fs.getReason().startsWith(ELOOP_PREFIX) ? ELOOP_PREFIX : fs.getReason();
        } else {
            reason = e.getMessage() != null ? e.getMessage() : e.toString();
        }
        return new LogSettingsException(detail, NUMBERS.getOrDefault(reason, 0), reason);
    }
}
