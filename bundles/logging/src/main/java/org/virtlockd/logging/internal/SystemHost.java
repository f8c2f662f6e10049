package org.virtlockd.logging.internal;

import java.nio.file.Files;

/** The real machine: journald's socket and this process's standard input. */
enum SystemHost implements StartupSettings.Host {
    INSTANCE;

    @Override
    public boolean journaldWritable() {
        return Files.isWritable(JournaldSink.SOCKET);
    }

    @Override
    public boolean stdinIsTerminal() {
        return Terminal.stdinIsTerminal();
    }
}
