package org.virtlockd.logging.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The open outputs of one configuration: stderr, or a file opened for appending. */
final class Outputs implements AutoCloseable {

    private record Open(LogSettings.OutputSpec spec, PrintStream stream, boolean owned) {
    }

    private final List<Open> open = new ArrayList<>();

    Outputs(List<LogSettings.OutputSpec> specs) throws IOException {
        for (LogSettings.OutputSpec s : specs) {
            if (s.kind().equals("file")) {
                Path p = Path.of(s.argument());
                if (p.getParent() != null) {
                    Files.createDirectories(p.getParent());
                }
                OutputStream out = new FileOutputStream(p.toFile(), true);
                open.add(new Open(s, new PrintStream(out, true, StandardCharsets.UTF_8), true));
            } else {
                open.add(new Open(s, System.err, false));
            }
        }
    }

    synchronized void write(int priority, String line) {
        for (Open o : open) {
            if (priority >= o.spec().priority()) {
                o.stream().println(line);
                o.stream().flush();
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Open o : open) {
            if (o.owned()) {
                o.stream().close();
            }
        }
        open.clear();
    }
}
