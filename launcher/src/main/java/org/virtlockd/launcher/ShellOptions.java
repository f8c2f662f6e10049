package org.virtlockd.launcher;

import java.util.List;

/**
 * The command line of {@code virtlockd-shell}: {@code [-c COMMAND] [--socket PATH] [-h]}. Both options also
 * take their value after {@code =} ({@code --command=...}, {@code --socket=...}).
 *
 * @param command the command line to run, or null for a session
 * @param socket the shell socket, or null for the default path
 * @param help whether to print the usage and exit
 */
record ShellOptions(String command, String socket, boolean help) {

    /** A command-line mistake; the client prints it with the usage and exits {@link ShellClient#UNREACHABLE}. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static ShellOptions parse(List<String> args) throws UsageException {
        String command = null;
        String socket = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = name.equals(arg) ? null : arg.substring(name.length() + 1);
            switch (name) {
                case "-h", "--help" -> {
                    return new ShellOptions(null, null, true);
                }
                case "-c", "--command", "--socket" -> {
                    if (inline == null && i + 1 >= args.size()) {
                        throw new UsageException("option '" + name + "' requires an argument");
                    }
                    String value = inline != null ? inline : args.get(++i);
                    if (name.equals("--socket")) {
                        socket = value;
                    } else {
                        command = oneLine(value);
                    }
                }
                default -> throw new UsageException(arg.startsWith("-") ? "unknown option '" + arg + "'"
                        : "unexpected argument '" + arg + "' (quote the command after -c)");
            }
        }
        return new ShellOptions(command, socket, false);
    }

    private static String oneLine(String command) throws UsageException {
        if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new UsageException("the command after -c must be one line (separate commands with ';')");
        }
        return command;
    }

    static String usage() {
        return """
                Usage:
                  virtlockd-shell [--socket PATH]               a shell session (line editing on a terminal)
                  virtlockd-shell [--socket PATH] -c COMMAND    run one command line and exit

                Options:
                  -c | --command COMMAND  Run COMMAND in the daemon's Gogo shell: exit 0 on success,
                                          1 when the command fails, 2 when the daemon cannot be reached.
                  --socket PATH           The daemon's shell socket (default: <run dir>/virtlockd-shell-sock).
                  -h | --help             Display this help.

                Commands of the daemon: lockd:lockspaces, lockd:resources [LOCKSPACE], lockd:clients,
                lockd:stats, lockd:config, and Gogo's and Felix's own (help, lb, scr:list, ...).
                """;
    }
}
