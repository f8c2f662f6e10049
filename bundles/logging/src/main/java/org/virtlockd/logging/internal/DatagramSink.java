package org.virtlockd.logging.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.virtlockd.logging.LogSettingsException;

/**
 * An unconnected {@code AF_UNIX} datagram socket that sends each message to a fixed path, as libvirt's
 * journald output and glibc's syslog(3) do. A message that cannot be sent (no daemon listening, too large) is
 * dropped.
 */
abstract class DatagramSink implements Sink {

    /** Largest datagram tried: the kernel's default limit for AF_UNIX datagrams is about this. */
    static final int MAX_DATAGRAM = 208 * 1024;

    private final AFUNIXDatagramChannel channel;
    private final AFUNIXSocketAddress target;

    DatagramSink(Path target, String what) throws LogSettingsException {
        try {
            this.target = AFUNIXSocketAddress.of(target);
            this.channel = AFUNIXDatagramChannel.open();
        } catch (IOException e) {
            throw Errno.systemError("cannot create the " + what + " socket", e);
        }
    }

    /** @return the datagram for one line */
    abstract byte[] datagram(LogLine line);

    @Override
    public void write(LogLine line) {
        byte[] bytes = datagram(line);
        if (bytes.length > MAX_DATAGRAM) {
            return;
        }
        try {
            channel.send(ByteBuffer.wrap(bytes), target);
        } catch (IOException e) {
            // like libvirt: a log output never fails the caller
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
