package org.virtlockd.shell.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The server side of one shell connection: whole protocol lines, one at a time, each sent at once so that
 * the output of a long command streams to the client. Output and error lines of one command may
 * interleave, never mix within a line.
 */
final class ReplyWriter {

    private final OutputStream out;

    ReplyWriter(OutputStream out) {
        this.out = out;
    }

    synchronized void line(char tag, byte[] text, int offset, int length) throws IOException {
        byte[] line = new byte[length + 3];
        line[0] = (byte) tag;
        line[1] = ' ';
        System.arraycopy(text, offset, line, 2, length);
        line[length + 2] = '\n';
        out.write(line);
        out.flush();
    }

    synchronized void line(char tag, String text) throws IOException {
        out.write(ShellProtocol.line(tag, text));
        out.flush();
    }

    void hello() throws IOException {
        line(ShellProtocol.HELLO.charAt(0), ShellProtocol.HELLO.substring(2));
    }

    void status(int status) throws IOException {
        line(ShellProtocol.STATUS, Integer.toString(status));
    }
}
