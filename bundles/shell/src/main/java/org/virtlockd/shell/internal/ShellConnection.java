package org.virtlockd.shell.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/**
 * One accepted shell client, already checked: hello, then one Gogo session that runs each command line the
 * client sends until it hangs up. The session reads no input (its keyboard is empty), so no command can
 * take over the connection, and ending it stops nothing but the session; Gogo's console and telnet
 * commands are {@link Blocked}.
 */
final class ShellConnection implements Runnable {

    /** Unqualified names find our commands first, then any scope (Gogo's {@code SCOPE} path). */
    static final String SCOPE = "lockd:*";

    private final Socket socket;
    private final CommandProcessor processor;
    private final ShellLog log;

    ShellConnection(Socket socket, CommandProcessor processor, ShellLog log) {
        this.socket = socket;
        this.processor = processor;
        this.log = log;
    }

    @Override
    public void run() {
        try (Socket s = socket) {
            ReplyWriter writer = new ReplyWriter(s.getOutputStream());
            writer.hello();
            serve(new BufferedInputStream(s.getInputStream()), writer);
        } catch (IOException e) {
            log.debug("shell session ended: " + e.getMessage());
        }
    }

    private void serve(InputStream in, ReplyWriter writer) throws IOException {
        TaggedOutput out = new TaggedOutput(writer, ShellProtocol.OUT);
        TaggedOutput err = new TaggedOutput(writer, ShellProtocol.ERR);
        // UTF-8 whatever the daemon's locale: Gogo prints through these streams as they are given.
        CommandSession session = processor.createSession(InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            session.put("SCOPE", SCOPE);
            Blocked.install(session);
            CommandRunner runner = new CommandRunner(session, out, err);
            RequestReader requests = new RequestReader(in);
            String line;
            while ((line = requests.next()) != null) {
                writer.status(runner.run(line));
            }
        } catch (RequestReader.TooLongException e) {
            writer.line(ShellProtocol.ERR, e.getMessage());
            writer.status(ShellProtocol.STATUS_FAILED);
        } finally {
            session.close();
        }
    }
}
