package org.virtlockd.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The facts of this launch, decided by the launcher before the framework starts: privilege, every path
 * (libvirt's defaults for root and for other users, or what the command line chose) and the options.
 */
@ProviderType
public interface LaunchContext {

    /** @return true when the daemon runs with effective uid 0 (libvirt's "privileged" mode) */
    boolean privileged();

    /** @return the effective uid of the daemon process */
    int effectiveUid();

    /** @return the path {@code bin/virtlockd} was invoked as (argv[0]), which a re-exec runs again */
    String command();

    /** @return the original command-line arguments, without argv[0] */
    List<String> arguments();

    /** @return the configuration file to read */
    Path configFile();

    /** @return true when the configuration file was named with {@code -f}: then it must exist */
    boolean configFileExplicit();

    /** @return the run directory (created by the launcher) */
    Path runDirectory();

    /** @return the lock-program socket path */
    Path lockSocket();

    /** @return the admin-program socket path */
    Path adminSocket();

    /** @return the Gogo shell socket path (not a libvirt server) */
    Path shellSocket();

    /** @return the pid file, or empty when {@code -p ''} asked for none */
    Optional<Path> pidFile();

    /** @return the re-exec state file */
    Path restartStateFile();

    /** @return the default log file, used when daemonized without configured outputs */
    Path logFile();

    /** @return true with {@code -v/--verbose} */
    boolean verbose();

    /** @return true with {@code -d/--daemon} */
    boolean daemon();

    /** @return the idle timeout in seconds given with {@code -t}, or empty */
    OptionalInt timeoutSeconds();

    /**
     * The listening sockets systemd passed (spec 6.7: {@code LISTEN_PID}, {@code LISTEN_FDS},
     * {@code LISTEN_FDNAMES}), by name, each name with its descriptors in the order passed. The servers claim
     * {@value #LOCK_SOCKET_NAME} and {@value #ADMIN_SOCKET_NAME}; when the map is not empty no socket is
     * created, a server whose name is missing gets no listener, and any other name is an error.
     *
     * @return name to descriptors; empty when the daemon was not socket-activated
     * @since 1.1
     */
    Map<String, List<Integer>> activatedSockets();

    /**
     * The state a re-exec handed over (spec 6.12): present when this process image was started by a re-exec
     * of the same process (the state file's {@code magic} is this pid) in libvirt's JSON layout, written by
     * this daemon or by libvirt's. Values as described in {@link RestartParticipant}. The listeners, clients
     * and locks it names are descriptors this process already holds; whoever restores them owns them.
     *
     * @return the parsed state document, or empty on a fresh start
     * @since 1.2
     */
    default Optional<Map<String, Object>> restartState() {
        return Optional.empty();
    }

    /**
     * @return how many times this process re-executed itself (SIGUSR1) before this image, whichever daemon ran
     *         in the images before (the count travels in the environment, which libvirt's daemon passes on)
     * @since 1.2
     */
    default int restartCount() {
        return 0;
    }

    /** The activation name of the lock server's socket: the name of libvirt's socket unit. */
    String LOCK_SOCKET_NAME = "virtlockd.socket";

    /** The activation name of the admin server's socket. */
    String ADMIN_SOCKET_NAME = "virtlockd-admin.socket";
}
