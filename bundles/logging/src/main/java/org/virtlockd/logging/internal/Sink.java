package org.virtlockd.logging.internal;

/** One open output. Writes never throw: like libvirt, a failing output drops the message. */
interface Sink extends AutoCloseable {

    void write(LogLine line);

    @Override
    void close();
}
