package org.virtlockd.api;

/**
 * The error numbers ({@code virErrorNumber}) and domains ({@code virErrorDomain}) of libvirt that
 * the lock service reports; values as in libvirt's {@code include/libvirt/virterror.h}.
 */
public final class LibvirtErrors {

    /** VIR_ERR_INTERNAL_ERROR: unknown lockspace, lockspace exists, not the owner, not a directory. */
    public static final int ERR_INTERNAL_ERROR = 1;
    /** VIR_ERR_SYSTEM_ERROR: a system call failed; the error also carries errno. */
    public static final int ERR_SYSTEM_ERROR = 38;
    /** VIR_ERR_OPERATION_INVALID: NEW for the default lockspace. */
    public static final int ERR_OPERATION_INVALID = 55;
    /** VIR_ERR_RESOURCE_BUSY: resource locked, or not locked on release. */
    public static final int ERR_RESOURCE_BUSY = 87;

    /** VIR_FROM_NONE: libvirt's generic file helpers ({@code virFileTouch}). */
    public static final int FROM_NONE = 0;
    /** VIR_FROM_RPC: checks made by the lock program's handlers, e.g. the lockspace lookup. */
    public static final int FROM_RPC = 7;
    /** VIR_FROM_LOCKSPACE: resource and lockspace operations ({@code src/util/virlockspace.c}). */
    public static final int FROM_LOCKSPACE = 51;

    private LibvirtErrors() {
    }
}
