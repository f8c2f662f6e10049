package org.virtlockd.launcher;

/** libvirt's usage text, with the default paths that apply to the current user. */
final class Usage {

    private Usage() {
    }

    static String text(String command, DaemonPaths paths, boolean privileged) {
        return "\n"
                + "Usage:\n"
                + "  " + command + " [options]\n"
                + "\n"
                + "Options:\n"
                + "  -h | --help            Display program help:\n"
                + "  -v | --verbose         Verbose messages.\n"
                + "  -d | --daemon          Run as a daemon & write PID file.\n"
                + "  -t | --timeout <secs>  Exit after timeout period.\n"
                + "  -f | --config <file>   Configuration file.\n"
                + "  -V | --version         Display version information.\n"
                + "  -p | --pid-file <file> Change name of PID file.\n"
                + "\n"
                + "libvirt lock management daemon" + (privileged ? "" : " (running as an unprivileged user)") + ":\n"
                + "\n"
                + "  Default paths:\n"
                + "\n"
                + "    Configuration file (unless overridden by -f):\n"
                + "      " + paths.configFile() + "\n"
                + "\n"
                + "    Sockets:\n"
                + "      " + paths.lockSocket() + "\n"
                + "      " + paths.adminSocket() + "\n"
                + "\n"
                + "    PID file (unless overridden by -p):\n"
                + "      " + paths.pidFile() + "\n"
                + "\n"
                + "    Log file (when daemonized without log outputs):\n"
                + "      " + paths.logFile() + "\n"
                + "\n";
    }

    static String version(String command, String version) {
        return command + " (virtlockd for the JVM) " + version + ", compatible with libvirt 9.0.0";
    }
}
