package org.virtlockd.filelock.internal;

import org.osgi.service.component.annotations.Component;
import org.virtlockd.filelock.ProcessSignals;

/** {@link ProcessSignals} through the C library's {@code kill}. */
@Component(service = ProcessSignals.class)
public final class NativeProcessSignals implements ProcessSignals {

    @Override
    public int send(int pid, int signal) {
        if (pid <= 1) {
            return ESRCH;
        }
        return Native.libc().kill(pid, signal) == 0 ? 0 : Native.errno();
    }
}
