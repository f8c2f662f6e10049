package org.virtlockd.logging.internal;

import java.util.List;
import java.util.function.Consumer;

import org.virtlockd.logging.LogSettingsException;

/**
 * The settings and open outputs in use, replaced as a whole: a new output list is opened completely before
 * it replaces the old one, so a failure keeps what was there (libvirt's {@code virLogSetOutputs}).
 */
final class LogState {

    private record Current(LogSettings settings, Outputs outputs) {
    }

    private final Outputs.Sockets sockets;
    private final Consumer<LogSettings> changed;
    private volatile Current current;
    private volatile String defaultOutput = "";

    /** @param changed told about every new settings (to adjust the Log Service's levels) */
    LogState(Outputs.Sockets sockets, Consumer<LogSettings> changed) {
        this.sockets = sockets;
        this.changed = changed;
    }

    /** Opens the settings' outputs and makes them current; {@code fallback} is the default output's text. */
    synchronized void install(LogSettings settings, String fallback) throws LogSettingsException {
        swap(settings, new Outputs(settings.outputs(), sockets));
        defaultOutput = fallback;
    }

    synchronized void setOutputs(String text) throws LogSettingsException {
        Current c = current;
        if (c == null) {
            throw new LogSettingsException("logging is not set up");
        }
        List<LogSettings.OutputSpec> specs;
        try {
            specs = LogSettings.parseOutputs(text == null || text.isEmpty() ? defaultOutput : text);
        } catch (IllegalArgumentException e) {
            throw new LogSettingsException(e.getMessage());
        }
        swap(new LogSettings(c.settings().priority(), c.settings().filters(), specs), new Outputs(specs, sockets));
    }

    synchronized void setFilters(String text) throws LogSettingsException {
        Current c = current;
        if (c == null) {
            throw new LogSettingsException("logging is not set up");
        }
        List<LogSettings.Filter> filters;
        try {
            filters = LogSettings.parseFilters(text);
        } catch (IllegalArgumentException e) {
            throw new LogSettingsException(e.getMessage());
        }
        LogSettings next = new LogSettings(c.settings().priority(), filters, c.settings().outputs());
        current = new Current(next, c.outputs());
        changed.accept(next);
    }

    private void swap(LogSettings settings, Outputs outputs) {
        Current previous = current;
        current = new Current(settings, outputs);
        if (previous != null) {
            previous.outputs().close();
        }
        changed.accept(settings);
    }

    /** Writes the line if the filters or the default priority let it through. */
    void write(LogLine line) {
        Current c = current;
        if (c != null && line.priority() >= c.settings().thresholdFor(line.source())) {
            c.outputs().write(line);
        }
    }

    List<String> outputs() {
        Current c = current;
        return c == null ? List.of() : c.settings().outputs().stream().map(Object::toString).toList();
    }

    List<String> filters() {
        Current c = current;
        return c == null ? List.of() : c.settings().filters().stream().map(Object::toString).toList();
    }

    synchronized void close() {
        Current c = current;
        current = null;
        if (c != null) {
            c.outputs().close();
        }
    }
}
