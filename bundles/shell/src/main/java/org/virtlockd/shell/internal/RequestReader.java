package org.virtlockd.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Command lines from a shell client: UTF-8 up to LF, at most {@link ShellProtocol#MAX_REQUEST} bytes. */
final class RequestReader {

    /** A command line longer than the limit; the connection cannot find the next line start. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLongException(int limit) {
            super("command line longer than " + limit + " bytes");
        }
    }

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    RequestReader(InputStream in) {
        this(in, ShellProtocol.MAX_REQUEST);
    }

    RequestReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /**
     * @return the next command line without its LF (and without a CR before it), or null at end of input
     *     (a last line without LF is dropped: the client went away before sending it whole)
     * @throws TooLongException when a line exceeds the limit
     */
    String next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= limit) {
                throw new TooLongException(limit);
            }
            line.write(b);
        }
        return null;
    }
}
