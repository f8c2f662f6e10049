package org.virtlockd.itests.osgi.probe;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.virtlockd.probe}: which lease the probe takes. */
@ObjectClassDefinition(name = "virtlockd lease probe", description = "Takes one lease through the LockManager service.")
@interface ProbeConfig {

    @AttributeDefinition(description = "Lockspace directory (created if missing); empty: the default lockspace.")
    String lockspace() default "";

    @AttributeDefinition(description = "Resource name (a path in the default lockspace).")
    String resource();

    @AttributeDefinition(description = "Owner pid; never a live process that the test cares about.")
    long ownerPid();

    @AttributeDefinition(description = "Owner id; 0 is refused as not registered.")
    long ownerId() default 1;

    @AttributeDefinition(description = "Owner name.")
    String ownerName() default "probe";

    @AttributeDefinition(description = "Shared instead of exclusive.")
    boolean shared() default false;

    @AttributeDefinition(description = "Create the file on acquire and delete it after the last release.")
    boolean autocreate() default true;

    @AttributeDefinition(description = "File the probe writes its outcome to; empty: none.")
    String reportFile() default "";
}
