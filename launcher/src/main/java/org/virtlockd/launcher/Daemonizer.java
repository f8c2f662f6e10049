package org.virtlockd.launcher;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.virtlockd.launch.ExitStatus;

/**
 * {@code -d/--daemon} for a JVM, which cannot fork: the launcher starts a second JVM with the same command
 * and arguments (cwd {@code /}, stdin {@code /dev/null}, stdout and stderr as pipes) and waits for one status
 * line on its stdout, relaying what it writes on stderr. The child leaves the session with {@code setsid()},
 * starts as usual and, once its sockets listen, writes {@value #READY} and points descriptors 0 to 2 at
 * {@code /dev/null}; on a start-up failure it writes {@code failed <status>}. The parent then exits 0, or
 * prints libvirt's {@code <command>: error: <text>. Check /var/log/messages or run without --daemon for more
 * info.} and exits 1 (spec 6.10, step 4). This class is the parent's side; {@link DaemonChild} the child's.
 */
final class Daemonizer {

    /** Set for the child: the working directory of the parent, against which relative paths resolve. */
    static final String CHILD_ENV = "VIRTLOCKD_DAEMON_PARENT_DIR";
    /** The child's status line: the prefix, then {@value #READY} or {@value #FAILED} and an {@link ExitStatus}. */
    static final String STATUS_PREFIX = "virtlockd-daemon-status: ";
    static final String READY = "ready";
    static final String FAILED = "failed ";
    /** How long the parent waits for a failed child to finish its messages and exit. */
    static final long FAILED_CHILD_WAIT_MILLIS = 35_000;
    /** How long the parent keeps relaying stderr after the ready line (the child closes it at once). */
    static final long RELAY_DRAIN_MILLIS = 2_000;

    private Daemonizer() {
    }

    /**
     * The parent's side: starts the daemon and waits for its status line.
     *
     * @param command the path {@code bin/virtlockd} was invoked as
     * @param args the original arguments (with {@code -d})
     * @param err where the child's messages and the final error go
     * @return 0 once the daemon serves, else 1
     */
    static int runParent(String command, List<String> args, PrintStream err) {
        if (!Files.isExecutable(Path.of(command))) {
            err.println(command + ": error: cannot daemonize: '" + command + "' is not an executable file");
            return 1;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put(CHILD_ENV, System.getProperty("user.dir"));
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            err.println(command + ": error: Failed to fork as daemon: " + e.getMessage());
            return 1;
        }
        Thread relay = relay(child.getErrorStream(), err);
        String status = awaitStatus(child.getInputStream());
        try {
            if (READY.equals(status)) {
                relay.join(RELAY_DRAIN_MILLIS);
                return 0;
            }
            child.waitFor(FAILED_CHILD_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            relay.join(RELAY_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status != null && status.startsWith(FAILED)) {
            err.println(command + ": error: " + text(status.substring(FAILED.length()))
                    + ". Check /var/log/messages or run without --daemon for more info.");
        } else {
            String why = child.isAlive() ? "no status from the daemon" : "the daemon exited with status " + child.exitValue();
            err.println(command + ": error: unable to determine if daemon is running: " + why);
        }
        return 1;
    }

    /** Reads the child's stdout up to its status line; returns the status, or null at end of file. */
    private static String awaitStatus(InputStream out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(STATUS_PREFIX)) {
                    return line.substring(STATUS_PREFIX.length());
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static Thread relay(InputStream in, PrintStream err) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    err.println(line);
                }
            } catch (IOException e) {
                // the child closed its end
            }
            err.flush();
        }, "virtlockd-daemon-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** libvirt's {@code virDaemonErr} texts for our exit statuses. */
    static String text(String statusName) {
        ExitStatus status;
        try {
            status = ExitStatus.valueOf(statusName);
        } catch (IllegalArgumentException e) {
            return "Unable to initialize libvirt";
        }
        return switch (status) {
            case SUCCESS -> "Initialization successful";
            case PIDFILE -> "Unable to obtain pidfile";
            case RUNDIR -> "Unable to create rundir";
            case INIT -> "Unable to initialize libvirt";
            case SIGNAL -> "Unable to setup signal handlers";
            case NETWORK -> "Unable to initialize network sockets";
            case FAILURE -> "Unable to load configuration file";
            case REEXEC -> "Unable to re-execute daemon";
        };
    }
}
