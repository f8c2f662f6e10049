package org.virtlockd.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.virtlockd.launch.LaunchContext;

/** The launch facts, fixed before the framework starts and registered as the {@link LaunchContext} service. */
record Launch(boolean privileged, int effectiveUid, String command, List<String> arguments, Path configFile,
              boolean configFileExplicit, DaemonPaths paths, Optional<Path> pidFile, boolean verbose,
              boolean daemon, OptionalInt timeoutSeconds, Map<String, List<Integer>> activatedSockets,
              HandOver handOver)
        implements LaunchContext {

    /** @return these facts for an image started by a re-exec: what it handed over, and no socket activation */
    Launch restoring(HandOver restart) {
        return new Launch(privileged, effectiveUid, command, arguments, configFile, configFileExplicit, paths, pidFile,
                verbose, daemon, timeoutSeconds, Map.of(), restart);
    }

    /**
     * The state is handed over once: when the daemon serves, everything in it has been taken over, and a
     * component activated later (a bundle restarted from the shell) must not adopt those descriptors again.
     */
    @Override
    public Optional<Map<String, Object>> restartState() {
        return handOver.state();
    }

    @Override
    public int restartCount() {
        return handOver.count();
    }

    /** Everything the state named has been taken over: forget it. */
    void restartStateTaken() {
        handOver.taken();
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
