package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * What a fixture must undo (daemons, sandboxes, child processes, directories), undone in reverse order of
 * creation by {@link #close}, which tries every step and reports the first failure with the others suppressed.
 */
public final class Cleanups implements AutoCloseable {

    private final List<AutoCloseable> steps = new ArrayList<>();

    /** @return {@code step}, closed at the end */
    public <T extends AutoCloseable> T add(T step) {
        steps.add(step);
        return step;
    }

    /** Creates {@code path} as a directory of the test user (mode 0755), deleted with its contents at the end. */
    public Path userDirectory(Path path) throws IOException {
        Path dir = Files.createDirectory(path);
        add(() -> Sandbox.deleteTree(dir));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestUser.chown(dir);
        return dir;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (int i = steps.size() - 1; i >= 0; i--) {
            try {
                steps.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        steps.clear();
        if (first != null) {
            throw first;
        }
    }
}
