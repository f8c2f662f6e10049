package org.virtlockd.itests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.virtlockd.itests.harness.Daemon.Kind;

/**
 * The differential tests keep each scenario's transcript for review, one file per scenario and daemon:
 * {@code <directory>/<id>-<kind>.txt}, a {@code # <id> <scenario>} line, then the transcript.
 */
public final class Transcripts {

    private Transcripts() {
    }

    public static void save(Path directory, String id, Kind kind, String scenario, List<String> transcript)
            throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(id + "-" + kind.name().toLowerCase() + ".txt"),
                Stream.concat(Stream.of("# " + id + " " + scenario), transcript.stream()).toList());
    }
}
