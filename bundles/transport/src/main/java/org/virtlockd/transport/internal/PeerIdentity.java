package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocketCredentials;

/**
 * A peer's credentials from SO_PEERCRED at accept time, and its process start time from
 * {@code /proc/<pid>/stat} (field 22), which libvirt reads too: a peer whose entry cannot be read is
 * refused.
 */
record PeerIdentity(long pid, long uid, long gid, long startTime) {

    /** Field number of {@code starttime} in {@code /proc/<pid>/stat} (proc(5)). */
    private static final int START_TIME_FIELD = 22;

    static PeerIdentity of(AFUNIXSocketCredentials c) throws IOException {
        return new PeerIdentity(c.getPid(), c.getUid(), c.getGid(), startTimeOf(c.getPid()));
    }

    static long startTimeOf(long pid) throws IOException {
        String stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.US_ASCII);
        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IOException("unreadable /proc/" + pid + "/stat");
        }
        String[] rest = stat.substring(end + 2).trim().split(" ");
        int index = START_TIME_FIELD - 3;
        if (rest.length <= index) {
            throw new IOException("short /proc/" + pid + "/stat");
        }
        try {
            return Long.parseLong(rest[index]);
        } catch (NumberFormatException e) {
            throw new IOException("bad start time in /proc/" + pid + "/stat", e);
        }
    }
}
