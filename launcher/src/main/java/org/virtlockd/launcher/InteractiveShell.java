package org.virtlockd.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A shell session on a terminal: JLine edits the line (history, Emacs keys, completion of the
 * {@code lockd:} commands) in the client; the daemon runs it. Ctrl-C discards the line being edited,
 * Ctrl-D or {@code exit} ends the session (the daemon keeps running). JLine drives the terminal through
 * {@code stty} (its exec provider), so no native library is loaded.
 *
 * <p>The terminal's signal characters are switched off for the session ({@code -isig}): with them, Ctrl-C
 * sends SIGINT to the whole foreground process group, which includes the {@code stty} processes JLine
 * runs around each line, and a killed {@code stty} ends the client. Ctrl-C is a key bound to JLine's
 * {@code send-break} instead.
 */
final class InteractiveShell {

    static final String PROMPT = "virtlockd> ";
    static final String[] COMMANDS = {"lockd:lockspaces", "lockd:resources", "lockd:clients", "lockd:stats",
        "lockd:config", "lockspaces", "resources", "clients", "stats", "config", "help", "lb", "scr:list", "exit"};

    private final ShellLink link;
    private final Path socket;

    InteractiveShell(ShellLink link, Path socket) {
        this.link = link;
        this.socket = socket;
    }

    int run() throws IOException, ShellLink.UnreachableException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).provider("exec")
                .encoding(StandardCharsets.UTF_8).build()) {
            Attributes attributes = terminal.getAttributes();
            attributes.setLocalFlag(Attributes.LocalFlag.ISIG, false);
            terminal.setAttributes(attributes);
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("virtlockd-shell")
                    .completer(new StringsCompleter(COMMANDS)).build();
            reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference(LineReader.SEND_BREAK), KeyMap.ctrl('C'));
            PrintWriter out = terminal.writer();
            out.println("virtlockd shell on " + socket + ": 'help' lists the commands, Ctrl-D or 'exit' ends the session.");
            String line;
            while ((line = readLine(reader)) != null && !line.strip().equals("exit")) {
                link.run(line, out::println, out::println);
                out.flush();
            }
            out.flush();
        }
        return ShellClient.SUCCESS;
    }

    /** @return the next line, or null at Ctrl-D (end of input) */
    private static String readLine(LineReader reader) {
        while (true) {
            try {
                return reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                // SIGINT from outside (kill -INT): a fresh prompt
            } catch (EndOfFileException e) {
                return null;
            }
        }
    }
}
