package org.virtlockd.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One output stream of a shell session (standard output or error output) turned into tagged protocol
 * lines: every LF ends a line, a line reaching {@link ShellProtocol#MAX_LINE} bytes is sent as it is, and
 * {@link #endLine} sends what is left when a command ends without a final LF.
 */
final class TaggedOutput extends OutputStream {

    private final ReplyWriter writer;
    private final char tag;
    private final int maxLine;
    private final Pending pending = new Pending();

    TaggedOutput(ReplyWriter writer, char tag) {
        this(writer, tag, ShellProtocol.MAX_LINE);
    }

    TaggedOutput(ReplyWriter writer, char tag, int maxLine) {
        this.writer = writer;
        this.tag = tag;
        this.maxLine = maxLine;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            send();
            return;
        }
        pending.write(b);
        if (pending.size() >= maxLine) {
            send();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Sends a started line that has no LF yet (end of a command). */
    synchronized void endLine() throws IOException {
        if (pending.size() > 0) {
            send();
        }
    }

    @Override
    public void close() throws IOException {
        endLine();
    }

    private void send() throws IOException {
        try {
            writer.line(tag, pending.buffer(), 0, pending.size());
        } finally {
            pending.reset();
        }
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Pending extends ByteArrayOutputStream {
        byte[] buffer() {
            return buf;
        }
    }
}
