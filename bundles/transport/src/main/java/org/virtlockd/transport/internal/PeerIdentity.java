package org.virtlockd.transport.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * A peer's credentials from SO_PEERCRED at accept time, and its process start time from
 * {@code /proc/<pid>/stat} (field 22), which libvirt reads too: a peer whose entry cannot be read is
 * refused. This runs once per connection on the I/O thread, so the entry is read with one {@code read}
 * into a small buffer and parsed as bytes.
 */
record PeerIdentity(long pid, long uid, long gid, long startTime) {

    /** Field number of {@code starttime} in {@code /proc/<pid>/stat} (proc(5)). */
    private static final int START_TIME_FIELD = 22;
    /**
     * Room for a whole {@code stat} line: 52 numeric fields of at most 20 digits, the state, and a command
     * name of at most 64 bytes; a longer entry is refused as unreadable rather than cut.
     */
    static final int STAT_MAX = 4096;

    static PeerIdentity of(AFUNIXSocketCredentials c) throws IOException {
        return new PeerIdentity(c.getPid(), c.getUid(), c.getGid(), startTimeOf(c.getPid()));
    }

    static long startTimeOf(long pid) throws IOException {
        byte[] buf = new byte[STAT_MAX];
        int len = 0;
        try (InputStream in = Files.newInputStream(Path.of("/proc/" + pid + "/stat"))) {
            // The kernel produces the whole line in one read when the buffer can take it: stop at its newline.
            while (len < buf.length && (len == 0 || buf[len - 1] != '\n')) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    break;
                }
                len += n;
            }
        }
        if (len == buf.length && buf[len - 1] != '\n') {
            throw new IOException("oversized /proc/" + pid + "/stat");
        }
        return startTime(buf, len, pid);
    }

    /** Field 22 of a {@code stat} line; the command name (field 2) may hold spaces and parentheses. */
    static long startTime(byte[] stat, int len, long pid) throws IOException {
        int end = len - 1;
        while (end >= 0 && stat[end] != ')') {
            end--;
        }
        if (end < 0) {
            throw new IOException("unreadable /proc/" + pid + "/stat");
        }
        // After ") " come fields 3, 4, ... separated by single spaces.
        int i = end + 2;
        for (int field = 3; field < START_TIME_FIELD; field++) {
            while (i < len && stat[i] != ' ') {
                i++;
            }
            i++;
        }
        if (i >= len) {
            throw new IOException("short /proc/" + pid + "/stat");
        }
        long value = 0;
        int digits = 0;
        for (; i < len && stat[i] != ' ' && stat[i] != '\n'; i++, digits++) {
            int d = stat[i] - '0';
            if (d < 0 || d > 9 || digits >= 19) {
                throw new IOException("bad start time in /proc/" + pid + "/stat");
            }
            value = value * 10 + d;
        }
        if (digits == 0) {
            throw new IOException("bad start time in /proc/" + pid + "/stat");
        }
        return value;
    }
}
