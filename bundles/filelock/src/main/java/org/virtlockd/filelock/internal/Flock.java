package org.virtlockd.filelock.internal;

import jnr.ffi.Runtime;
import jnr.ffi.Struct;

/**
 * Linux {@code struct flock} for 64-bit targets (x86_64, aarch64): {@code short l_type} at 0,
 * {@code short l_whence} at 2, {@code off_t l_start} at 8, {@code off_t l_len} at 16,
 * {@code pid_t l_pid} at 24, 32 bytes in all. Public because jnr-ffi's generated code needs it.
 */
public final class Flock extends Struct {

    /** F_RDLCK, F_WRLCK or F_UNLCK. */
    public final Signed16 type = new Signed16();
    /** SEEK_SET, SEEK_CUR or SEEK_END. */
    public final Signed16 whence = new Signed16();
    /** First byte of the range. */
    public final off_t start = new off_t();
    /** Length of the range; 0 means to the end of the file. */
    public final off_t len = new off_t();
    /** Set by F_GETLK only. */
    public final pid_t pid = new pid_t();

    /** @param runtime the jnr runtime of the C library binding */
    public Flock(Runtime runtime) {
        super(runtime);
    }
}
