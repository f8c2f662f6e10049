package org.virtlockd.logging;

/**
 * A logging setting libvirt would refuse: either an invalid argument (a malformed output or filter, libvirt's
 * {@code VIR_ERR_INVALID_ARG}) or a failed system call (an output file that cannot be opened,
 * {@code VIR_ERR_SYSTEM_ERROR}, with the C library's errno and text). libvirt raises both in its logging
 * code, whose error domain is {@code VIR_FROM_NONE}.
 */
public final class LogSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String detail;
    private final int errno;
    private final String reason;

    /** @param detail libvirt's text, e.g. {@code Malformed format for filter 'x'} */
    public LogSettingsException(String detail) {
        super(detail);
        this.detail = detail;
        this.errno = 0;
        this.reason = null;
    }

    /**
     * @param detail what failed, e.g. {@code failed to open /var/log/x.log}
     * @param errno the C error number, e.g. 2
     * @param reason the C library's text for it, e.g. {@code No such file or directory}
     */
    public LogSettingsException(String detail, int errno, String reason) {
        super(detail + ": " + reason);
        this.detail = detail;
        this.errno = errno;
        this.reason = reason;
    }

    /** @return libvirt's text without the system error's reason */
    public String detail() {
        return detail;
    }

    /** @return true for a failed system call, false for an invalid argument */
    public boolean isSystemError() {
        return reason != null;
    }

    /** @return the errno of a failed system call, 0 otherwise */
    public int errno() {
        return errno;
    }

    /** @return the C library's text for {@link #errno()}, or null */
    public String reason() {
        return reason;
    }
}
