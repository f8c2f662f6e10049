package org.virtlockd.lockspace.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ModelLog} that keeps every line, prefixed with its level. */
final class RecordingLog implements ModelLog {

    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }
}
