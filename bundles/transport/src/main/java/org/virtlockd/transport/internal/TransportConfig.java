package org.virtlockd.transport.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.virtlockd.transport}, published from virtlockd.conf by the config bundle. */
@ObjectClassDefinition(name = "virtlockd transport", description = "The lock and admin sockets and their client limits.")
@interface TransportConfig {

    /** libvirt's default {@code max_clients}. */
    int DEFAULT_MAX_CLIENTS = 1024;
    /** libvirt's default {@code admin_max_clients} (the code's value; its sample file says 5). */
    int DEFAULT_ADMIN_MAX_CLIENTS = 5000;

    @AttributeDefinition(description = "Most connected clients of the lock socket; more wait in the backlog (max_clients).")
    int maxClients() default DEFAULT_MAX_CLIENTS;

    @AttributeDefinition(description = "Most connected clients of the admin socket (admin_max_clients).")
    int adminMaxClients() default DEFAULT_ADMIN_MAX_CLIENTS;

    @AttributeDefinition(description = "Lock socket path; empty: the launcher's, else no lock socket.")
    String lockSocket() default "";

    @AttributeDefinition(description = "Admin socket path; empty: the launcher's, else no admin socket.")
    String adminSocket() default "";
}
