package org.virtlockd.shell.internal;

import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

/**
 * Gogo shell commands that have no place in a daemon's session, shadowed in each session by a function
 * that refuses with the reason. Gogo looks a command name up among the session's variables before the
 * registered commands, under the plain, the {@code *:} and the scoped name alike.
 */
final class Blocked implements Function {

    /** Command name to the reason it is refused. */
    static final Map<String, String> COMMANDS = Map.of(
            "gosh", "it starts a console and, with --login, stops the framework (the daemon) when the console ends",
            "sh", "it starts a console and, with --login, stops the framework (the daemon) when the console ends",
            "telnetd", "it would serve the daemon's shell on a TCP port without any check of the peer");
    static final String SCOPE = "gogo";

    private final String name;
    private final String reason;

    private Blocked(String name, String reason) {
        this.name = name;
        this.reason = reason;
    }

    /** Shadows every blocked command in {@code session}. */
    static void install(CommandSession session) {
        COMMANDS.forEach((name, reason) -> {
            Blocked blocked = new Blocked(name, reason);
            for (String key : List.of(name, "*:" + name, SCOPE + ":" + name)) {
                session.put(key, blocked);
            }
        });
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        throw new IllegalArgumentException(name + " is not available in the daemon's shell: " + reason);
    }
}
