package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Whether Felix's bundle cache from before a re-exec can be used again: only when it was made for the very
 * same bundle files (names, sizes, modification times). After an upgrade the files differ, and the cache
 * starts empty as on a fresh start.
 */
final class BundleCache {

    static final String FINGERPRINT_FILE = "virtlockd-bundles.txt";

    private BundleCache() {
    }

    static String fingerprint(Path bundles) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> jars = Files.list(bundles)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
                sb.append(jar.toAbsolutePath()).append(' ').append(a.size()).append(' ')
                        .append(a.lastModifiedTime().toMillis()).append('\n');
            }
        }
        return sb.toString();
    }

    static boolean matches(Path cache, String fingerprint) {
        try {
            return fingerprint.equals(Files.readString(cache.resolve(FINGERPRINT_FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    static void record(Path cache, String fingerprint) {
        try {
            Files.writeString(cache.resolve(FINGERPRINT_FILE), fingerprint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Log.warning("main", "cannot record the bundle cache's contents: " + e.getMessage());
        }
    }
}
