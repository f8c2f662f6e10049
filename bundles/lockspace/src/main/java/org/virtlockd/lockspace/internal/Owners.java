package org.virtlockd.lockspace.internal;

/**
 * Owner pids. The wire carries them as unsigned 32-bit numbers; libvirt keeps them in a
 * {@code pid_t} and prints that signed, so an owner of 4294967295 reads "owner -1".
 */
final class Owners {

    private Owners() {
    }

    /** @return the pid as an unsigned 32-bit value, the form the model stores and compares */
    static long normalise(long pid) {
        return pid & 0xFFFF_FFFFL;
    }

    /** @return the pid as libvirt prints it */
    static String text(long pid) {
        return Integer.toString((int) pid);
    }
}
