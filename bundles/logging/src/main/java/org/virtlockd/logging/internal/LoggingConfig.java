package org.virtlockd.logging.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.virtlockd.logging}, published from virtlockd.conf by the config bundle. */
@ObjectClassDefinition(name = "virtlockd logging", description = "libvirt's log priority, filters and outputs.")
@interface LoggingConfig {

    @AttributeDefinition(description = "Default priority: 1 debug, 2 info, 3 warning, 4 error (log_level).")
    int logLevel() default LogSettings.WARNING;

    @AttributeDefinition(description = "Filters such as \"1:transport 4:config\" (log_filters).")
    String logFilters() default "";

    @AttributeDefinition(description = "Outputs such as \"3:stderr 1:file:/var/log/x.log\" (log_outputs); empty: the default output.")
    String logOutputs() default "";

    @AttributeDefinition(description = "-v/--verbose was given: the priority is at most info, also after LIBVIRT_DEBUG.")
    boolean verbose() default false;
}
