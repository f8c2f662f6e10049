package org.virtlockd.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs command lines in one Gogo session, as Gogo's own console does: the result, when there is one, is
 * formatted for inspection on standard output; a failure puts its message on error output and the failure
 * itself in the session variable {@value #EXCEPTION_VARIABLE}. Nothing a command throws ends the session.
 */
final class CommandRunner {

    /** Gogo's console keeps the last failure here, for {@code $exception printStackTrace}. */
    static final String EXCEPTION_VARIABLE = "exception";

    private final CommandSession session;
    private final TaggedOutput out;
    private final TaggedOutput err;

    CommandRunner(CommandSession session, TaggedOutput out, TaggedOutput err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    /**
     * @param line one command line
     * @return {@link ShellProtocol#STATUS_OK} or {@link ShellProtocol#STATUS_FAILED}
     * @throws IOException when the client can no longer be written to
     */
    int run(String line) throws IOException {
        if (line.isBlank()) {
            return ShellProtocol.STATUS_OK;
        }
        int status = ShellProtocol.STATUS_OK;
        try {
            Object result = session.execute(line);
            if (result != null) {
                print(out, session.format(result, Converter.INSPECT));
            }
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            session.put(EXCEPTION_VARIABLE, e);
            print(err, message(e));
            status = ShellProtocol.STATUS_FAILED;
        } finally {
            session.getConsole().flush();
            out.endLine();
            err.endLine();
        }
        return status;
    }

    private static void print(TaggedOutput stream, CharSequence text) throws IOException {
        stream.endLine();
        stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
        stream.endLine();
    }

    /** A user's mistake is its message alone; anything else names its kind, as Gogo's console does. */
    static String message(Throwable e) {
        String text = e.getMessage();
        if (e instanceof IllegalArgumentException && text != null) {
            return text;
        }
        return e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
