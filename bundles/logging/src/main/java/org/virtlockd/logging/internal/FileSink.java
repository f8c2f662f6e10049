package org.virtlockd.logging.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.virtlockd.logging.LogSettingsException;

/**
 * {@code level:file:path}: opened as libvirt does ({@code O_CREAT|O_APPEND|O_WRONLY}, mode 0600, no parent
 * directories created), so a failure carries libvirt's text {@code failed to open <path>: <strerror>}.
 */
final class FileSink implements Sink {

    private final FileChannel channel;

    private FileSink(FileChannel channel) {
        this.channel = channel;
    }

    static FileSink open(String path) throws LogSettingsException {
        try {
            return new FileSink(FileChannel.open(Path.of(path),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
        } catch (IOException e) {
            throw Errno.systemError("failed to open " + path, e);
        }
    }

    @Override
    public void write(LogLine line) {
        ByteBuffer bytes = ByteBuffer.wrap((line.text() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            // libvirt ignores write errors of its outputs
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
