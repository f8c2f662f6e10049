package org.virtlockd.launcher;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bin/virtlockd-shell}: the Gogo shell of a running daemon, reached through its shell socket. With
 * {@code -c} one command line runs and its status becomes the exit status; without, a session runs: with
 * JLine's line editing when stdin and stdout are a terminal, else one command per line of stdin. Runs
 * outside the framework, on the launcher's class path.
 */
public final class ShellClient {

    static final int SUCCESS = 0;
    /** The command failed (or, without {@code -c}, the last command read from stdin failed). */
    static final int FAILED = 1;
    /** The daemon cannot be reached, refused the connection or went away; also a command-line mistake. */
    static final int UNREACHABLE = 2;

    private final PrintStream stdout;
    private final PrintStream stderr;

    ShellClient(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Output is passed on as the daemon sent it, UTF-8, whatever the client's locale (as {@code cat} would). */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new ShellClient(out, err).run(Arrays.asList(args)));
    }

    int run(List<String> args) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (ShellOptions.UsageException e) {
            stderr.println("virtlockd-shell: " + e.getMessage());
            stderr.print(ShellOptions.usage());
            return UNREACHABLE;
        }
        if (options.help()) {
            stdout.print(ShellOptions.usage());
            return SUCCESS;
        }
        Path socket = options.socket() != null ? Path.of(options.socket()) : defaultSocket();
        try (ShellLink link = ShellLink.connect(socket)) {
            if (options.command() != null) {
                return link.run(options.command(), stdout::println, stderr::println);
            }
            if (System.console() != null) {
                return new InteractiveShell(link, socket).run();
            }
            return runLines(link);
        } catch (ShellLink.UnreachableException e) {
            stderr.println("virtlockd-shell: " + e.getMessage());
            return UNREACHABLE;
        } catch (IOException e) {
            stderr.println("virtlockd-shell: " + e.getMessage());
            return UNREACHABLE;
        } finally {
            stdout.flush();
        }
    }

    /** One command per line of stdin; the exit status is the last command's. */
    private int runLines(ShellLink link) throws IOException, ShellLink.UnreachableException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int status = SUCCESS;
        String line;
        while ((line = lines.readLine()) != null) {
            status = link.run(line, stdout::println, stderr::println);
        }
        return status;
    }

    /** The daemon's own rule: {@code <run dir>/virtlockd-shell-sock} for this user (root or not). */
    static Path defaultSocket() {
        boolean privileged = Privilege.effectiveUid() == 0;
        return DaemonPaths.defaults(privileged, System.getenv(), System.getProperty("user.home")).shellSocket();
    }
}
