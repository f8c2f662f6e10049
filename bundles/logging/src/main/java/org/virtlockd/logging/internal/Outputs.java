package org.virtlockd.logging.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.virtlockd.logging.LogSettingsException;

/** The open outputs of one output list, each with its own priority. */
final class Outputs implements AutoCloseable {

    /** Where the datagram outputs send: the system's sockets, or a test's. */
    record Sockets(Path syslog, Path journald) {
        static final Sockets SYSTEM = new Sockets(SyslogSink.DEV_LOG, JournaldSink.SOCKET);
    }

    private record Open(LogSettings.OutputSpec spec, Sink sink) {
    }

    private final List<Open> open = new ArrayList<>();

    Outputs(List<LogSettings.OutputSpec> specs) throws LogSettingsException {
        this(specs, Sockets.SYSTEM);
    }

    Outputs(List<LogSettings.OutputSpec> specs, Sockets sockets) throws LogSettingsException {
        String syslogTag = null;
        for (LogSettings.OutputSpec s : specs) {
            if (s.kind().equals("syslog")) {
                syslogTag = s.argument();
            }
        }
        try {
            for (LogSettings.OutputSpec s : specs) {
                open.add(new Open(s, sink(s, sockets, syslogTag)));
            }
        } catch (LogSettingsException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Sink sink(LogSettings.OutputSpec s, Sockets sockets, String syslogTag) throws LogSettingsException {
        return switch (s.kind()) {
            case "file" -> FileSink.open(s.argument());
            case "syslog" -> new SyslogSink(sockets.syslog(), syslogTag, ZoneId.systemDefault());
            case "journald" -> new JournaldSink(sockets.journald());
            default -> new StderrSink();
        };
    }

    synchronized void write(LogLine line) {
        for (Open o : open) {
            if (line.priority() >= o.spec().priority()) {
                o.sink().write(line);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (Open o : open) {
            o.sink().close();
        }
        open.clear();
    }
}
