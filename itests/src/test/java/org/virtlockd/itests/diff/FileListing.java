package org.virtlockd.itests.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a scenario left on disk: every entry under a directory as {@code name:type+mode:size:uid}, sorted.
 * Read with find(1), so that names are the bytes on disk (non-ASCII escaped as {@code \xNN}) and not a
 * decoding of them that could hide a difference.
 */
final class FileListing {

    private FileListing() {
    }

    static String of(Path root) throws IOException, InterruptedException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return "(no directory)";
        }
        Process find = new ProcessBuilder("find", root.toString(), "-printf", "%P:%y%m:%s:%U\\0")
                .redirectErrorStream(true).start();
        byte[] out = find.getInputStream().readAllBytes();
        if (find.waitFor() != 0) {
            throw new IOException("find failed: " + new String(out, StandardCharsets.UTF_8));
        }
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                entries.add(escape(Arrays.copyOfRange(out, start, i)));
                start = i + 1;
            }
        }
        Collections.sort(entries);
        return String.join(" ", entries);
    }

    /** Printable ASCII as it is, every other byte (and the backslash) as \xNN. */
    private static String escape(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            if (x >= 0x21 && x < 0x7f && x != '\\') {
                b.append((char) x);
            } else {
                b.append(String.format("\\x%02x", x & 0xff));
            }
        }
        return b.toString();
    }
}
