package org.virtlockd.shell.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.virtlockd.shell} (optional). Under our launcher nothing needs setting; in
 * another framework, {@code socket} names the shell socket.
 */
@ObjectClassDefinition(name = "virtlockd shell", description = "The Gogo shell socket of the daemon.")
@interface ShellConfig {

    /** Shell sessions served at once; each runs on a thread of its own. */
    int DEFAULT_MAX_SESSIONS = 8;

    @AttributeDefinition(description = "Shell socket path; empty: the launcher's <run dir>/virtlockd-shell-sock, "
            + "or no shell socket without the launcher.")
    String socket() default "";

    @AttributeDefinition(description = "Most shell sessions at once; more are refused with a message.", min = "1")
    int maxSessions() default DEFAULT_MAX_SESSIONS;
}
