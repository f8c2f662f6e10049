package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The effective uid, read from {@code /proc/self/status} so that start-up needs no native library. */
final class Privilege {

    private Privilege() {
    }

    static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the native call
        }
        return LibC.Holder.C.geteuid();
    }
}
