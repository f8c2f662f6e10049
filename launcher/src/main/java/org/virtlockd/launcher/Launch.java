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
              boolean daemon, OptionalInt timeoutSeconds, Map<String, List<Integer>> activatedSockets)
        implements LaunchContext {

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
