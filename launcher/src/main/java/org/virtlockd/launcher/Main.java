package org.virtlockd.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.virtlockd.launch.ExitStatus;

/**
 * The {@code virtlockd} process. Start-up is a numbered sequence of steps, each a method, in libvirt's order
 * (spec 6.10): options, paths, run directory, daemonizing, pid file, signals, framework with its sockets,
 * serve, stop.
 * Only this class ends the process, with an {@link ExitStatus}.
 */
public final class Main {

    /** Set by {@code bin/virtlockd}: the installation directory. */
    static final String HOME_PROPERTY = "virtlockd.home";
    /** Set by {@code bin/virtlockd}: the path it was invoked as (argv[0]), which a re-exec runs again. */
    static final String COMMAND_PROPERTY = "virtlockd.command";
    static final String VERSION = Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("1.0.0-SNAPSHOT");

    private final String command;
    private final Path home;
    private Launch launch;
    private PidFile pidFile;
    private FelixRuntime runtime;
    private boolean daemonChild;
    private boolean announced;
    private final Control control = new Control();

    private Main(String command, Path home) {
        this.command = command;
        this.home = home;
    }

    public static void main(String[] args) {
        Log.sinceStart(); // the start-up trace counts from here
        String command = System.getProperty(COMMAND_PROPERTY, "virtlockd");
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath();
        System.exit(new Main(command, home).run(Arrays.asList(args)).code());
    }

    ExitStatus run(List<String> args) {
        Options options;
        boolean privileged = Privilege.effectiveUid() == 0;
        DaemonPaths defaults = DaemonPaths.defaults(privileged, System.getenv(), System.getProperty("user.home"));
        // 1. the command line
        try {
            options = Options.parse(command, args);
        } catch (Options.UsageException e) {
            if (e.showUsage()) {
                System.err.println(e.getMessage());
                System.err.print(Usage.text(command, defaults, privileged));
            } else {
                Log.error("main", e.getMessage());
            }
            return ExitStatus.FAILURE;
        }
        switch (options.action) {
            case HELP -> {
                System.err.print(Usage.text(command, defaults, privileged));
                return ExitStatus.SUCCESS;
            }
            case VERSION -> {
                System.out.println(Usage.version(command, VERSION));
                return ExitStatus.SUCCESS;
            }
            default -> { }
        }
        if (options.verbose) {
            Log.setThreshold(2);
        }
        Map<String, String> env = System.getenv();
        // 2. a re-exec's state: this image then restores instead of starting afresh, and never daemonizes
        Optional<Map<String, Object>> restart;
        try {
            restart = RestartStateFile.load(defaults.restartStateFile(), ProcessHandle.current().pid());
        } catch (RestartStateFile.StateException e) {
            Log.error("main", e.getMessage());
            return ExitStatus.INIT;
        }
        Log.info("main", "start-up: restart state read after " + Log.sinceStart() + " ms");
        daemonChild = restart.isEmpty() && options.daemon && DaemonChild.isChild(env);
        if (daemonChild) {
            String failure = DaemonChild.detach();
            if (failure != null) {
                Log.error("main", failure);
                DaemonChild.reportFailure(ExitStatus.INIT);
                return ExitStatus.INIT;
            }
        }
        // 3. the facts of this launch (a daemonizing parent leaves socket activation to nobody, as libvirt's)
        Map<String, List<Integer>> activated = options.daemon || restart.isPresent() ? Map.of()
                : Activation.fromEnvironment(env, ProcessHandle.current().pid(), Activation.libc());
        launch = launchFacts(options, privileged, defaults, args, DaemonChild.baseDirectory(env), activated);
        if (restart.isPresent()) {
            launch = launch.restoring(HandOver.of(restart.get(), env));
        }
        // 4. run directory
        ExitStatus status = createRunDirectory(privileged);
        if (status == null && options.daemon && !daemonChild && restart.isEmpty()) {
            // 5. with -d: the daemon is a second JVM; this one waits for it to serve or fail
            return Daemonizer.runParent(command, args, System.err) == 0 ? ExitStatus.SUCCESS : ExitStatus.FAILURE;
        }
        // 6. open-file limit and pid file, 7. signals, framework and sockets, 8. serve (and re-exec) until asked to stop
        Log.info("main", "start-up: options and paths after " + Log.sinceStart() + " ms");
        Thread openFiles = null;
        if (status == null) {
            // The open-file limit (a native call) is raised while the framework starts, and before readiness;
            // a restored image inherits the limit the first one raised. The pid file is taken with the JDK, so a
            // re-exec needs no native binding before it serves.
            if (restart.isEmpty()) {
                openFiles = new Thread(OpenFileLimit::raiseToHard, "virtlockd-nofile");
                openFiles.start();
            }
            status = acquirePidFile();
            Log.info("main", "start-up: pid file after " + Log.sinceStart() + " ms");
        }
        if (status == null) {
            Signals.install(control);
            status = startFramework();
            Log.info("main", "start-up: framework started after " + Log.sinceStart() + " ms");
        }
        if (openFiles != null) {
            joinQuietly(openFiles);
        }
        if (status == null) {
            status = serve();
        }
        stop();
        if (daemonChild && !announced && status != ExitStatus.SUCCESS) {
            DaemonChild.reportFailure(status);
        }
        return status;
    }

    private Launch launchFacts(Options o, boolean privileged, DaemonPaths defaults, List<String> args, Path base,
                               Map<String, List<Integer>> activated) {
        Path config = o.configFile != null ? base.resolve(o.configFile).toAbsolutePath() : defaults.configFile();
        Optional<Path> pid = o.pidFile == null ? Optional.of(defaults.pidFile())
                : o.pidFile.isEmpty() ? Optional.empty() : Optional.of(base.resolve(o.pidFile).toAbsolutePath());
        return new Launch(privileged, Privilege.effectiveUid(), command, List.copyOf(args), config,
                o.configFile != null, defaults, pid, o.verbose, o.daemon, o.timeout, activated,
                HandOver.none());
    }

    /** libvirt creates the run directory with 0755 as root and 0700 otherwise; existing ones are left alone. */
    private ExitStatus createRunDirectory(boolean privileged) {
        Path dir = launch.runDirectory();
        String mode = privileged ? "rwxr-xr-x" : "rwx------";
        try {
            createDirectories(dir, mode);
            return null;
        } catch (IOException e) {
            Log.error("main", "Can't create run dir '" + dir + "': " + reason(e));
            return ExitStatus.RUNDIR;
        }
    }

    static void createDirectories(Path dir, String mode) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent, mode);
        }
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
    }

    private ExitStatus acquirePidFile() {
        Optional<Path> path = launch.pidFile();
        if (path.isEmpty()) {
            return null;
        }
        try {
            pidFile = PidFile.acquire(path.get(), ProcessHandle.current().pid());
            return null;
        } catch (PidFile.PidFileException e) {
            Log.error("main", e.getMessage());
            return ExitStatus.PIDFILE;
        }
    }

    private ExitStatus startFramework() {
        try {
            runtime = FelixRuntime.start(home, launch, control);
            return null;
        } catch (Exception e) {
            Log.error("main", "Can't start the OSGi framework: " + reason(e));
            return ExitStatus.INIT;
        }
    }

    private ExitStatus serve() {
        try {
            if (!control.awaitReadyOrStop()) {
                return control.awaitStop();
            }
            launch.restartStateTaken();
            announceReady();
            ExecImage.prepareInBackground();
            while (control.awaitRequest() == Control.Request.RESTART) {
                String failure = new Reexec(runtime.context(), command, launch.arguments(), launch.restartStateFile(),
                        ProcessHandle.current().pid(), launch.restartCount() + 1).run();
                Log.error("restart", failure + "; the daemon goes on serving with every lock and client");
            }
            return control.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.FAILURE;
        }
    }

    /** Every socket listens: release a waiting {@code -d} parent, tell systemd (spec 6.7). */
    private void announceReady() {
        announced = true;
        if (daemonChild) {
            DaemonChild.reportReady();
        }
        SystemdNotify.send(System.getenv(SystemdNotify.NOTIFY_SOCKET), SystemdNotify.READY);
    }

    /** Stops the framework (listeners close and unlink their sockets), then releases the pid file. */
    private void stop() {
        if (runtime != null) {
            try {
                runtime.stop();
            } catch (Exception e) {
                Log.error("main", "Error while stopping the framework: " + reason(e));
            }
        }
        if (pidFile != null) {
            pidFile.close();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
