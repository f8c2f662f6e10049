package org.virtlockd.transport.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The effective uid from {@code /proc/self/status}, for frameworks without the launcher's services. */
final class EffectiveUid {

    private EffectiveUid() {
    }

    static long get() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            }
        }
        throw new IOException("no Uid line in /proc/self/status");
    }
}
