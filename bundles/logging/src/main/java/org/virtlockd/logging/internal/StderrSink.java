package org.virtlockd.logging.internal;

import java.io.PrintStream;

/** {@code level:stderr}: the process's standard error, never closed. */
final class StderrSink implements Sink {

    private final PrintStream err = System.err;

    @Override
    public void write(LogLine line) {
        err.println(line.text());
        err.flush();
    }

    @Override
    public void close() {
        // stderr stays open
    }
}
