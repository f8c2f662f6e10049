package org.virtlockd.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import org.virtlockd.launch.LaunchContext;

/** The launch facts, fixed before the framework starts and registered as the {@link LaunchContext} service. */
record Launch(boolean privileged, int effectiveUid, String command, List<String> arguments, Path configFile,
              boolean configFileExplicit, DaemonPaths paths, Optional<Path> pidFile, boolean verbose,
              boolean daemon, OptionalInt timeoutSeconds, Map<String, List<Integer>> activatedSockets,
              AtomicReference<Map<String, Object>> handedOver)
        implements LaunchContext {

    /** @return these facts for an image started by a re-exec: the state, and no socket activation */
    Launch restoring(Map<String, Object> state) {
        return new Launch(privileged, effectiveUid, command, arguments, configFile, configFileExplicit, paths, pidFile,
                verbose, daemon, timeoutSeconds, Map.of(), new AtomicReference<>(state));
    }

    /**
     * The state is handed over once: when the daemon serves, everything in it has been taken over, and a
     * component activated later (a bundle restarted from the shell) must not adopt those descriptors again.
     */
    @Override
    public Optional<Map<String, Object>> restartState() {
        return Optional.ofNullable(handedOver.get());
    }

    /** Everything the state named has been taken over: forget it. */
    void restartStateTaken() {
        handedOver.set(null);
    }

    @Override
    public Path runDirectory() {
        return paths.runDirectory();
    }

    @Override
    public Path lockSocket() {
        return paths.lockSocket();
    }

    @Override
    public Path adminSocket() {
        return paths.adminSocket();
    }

    @Override
    public Path shellSocket() {
        return paths.shellSocket();
    }

    @Override
    public Path restartStateFile() {
        return paths.restartStateFile();
    }

    @Override
    public Path logFile() {
        return paths.logFile();
    }
}
