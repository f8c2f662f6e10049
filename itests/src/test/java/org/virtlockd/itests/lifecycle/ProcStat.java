package org.virtlockd.itests.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/<pid>/stat} (proc(5)) that say how a process is attached: state, parent,
 * process group, session and controlling terminal ({@code tty_nr}, 0 for none).
 */
record ProcStat(long pid, char state, long ppid, long pgrp, long session, long ttyNr) {

    static Optional<ProcStat> of(long pid) throws IOException {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        // the command name is in parentheses and may itself contain spaces and parentheses
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        return Optional.of(new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4])));
    }

    /** @return true while the process exists and is not a zombie */
    static boolean alive(long pid) throws IOException {
        return of(pid).map(s -> s.state() != 'Z' && s.state() != 'X').orElse(false);
    }
}
