package org.virtlockd.api;

import java.util.Objects;

/**
 * A failed lock operation, carrying what libvirt's error struct needs.
 *
 * <p>An ordinary error has a {@link #code()}, a {@link #domain()} and a {@link #detail()} (the text
 * libvirt substitutes into the code's template, e.g. {@code Lockspace resource 'x' is locked}). A
 * system error ({@link #isSystemError()}) has code {@link LibvirtErrors#ERR_SYSTEM_ERROR} and in
 * addition the {@link #errno()} and its {@link #strerror()} text; libvirt's message for it is
 * {@code <detail>: <strerror>}, which {@link #getMessage()} returns. For ordinary errors
 * {@link #getMessage()} is the detail alone: the code's template is the wire mapper's business.
 */
public class LockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final int domain;
    private final String detail;
    private final int errno;
    private final String strerror;

    private LockException(int code, int domain, String detail, int errno, String strerror) {
        super(strerror == null ? detail : detail + ": " + strerror);
        this.code = code;
        this.domain = domain;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.errno = errno;
        this.strerror = strerror;
    }

    /**
     * An ordinary error, as libvirt's {@code virReportError} raises it.
     *
     * @param code libvirt's error number, e.g. {@link LibvirtErrors#ERR_RESOURCE_BUSY}
     * @param domain libvirt's error domain, e.g. {@link LibvirtErrors#FROM_LOCKSPACE}
     * @param detail the detail text, naming the resource, path or owner
     * @return the exception
     */
    public static LockException of(int code, int domain, String detail) {
        return new LockException(code, domain, detail, 0, null);
    }

    /**
     * A system-call error, as libvirt's {@code virReportSystemError} raises it (code 38).
     *
     * @param domain libvirt's error domain
     * @param errno the errno value of the failed call (positive)
     * @param strerror the C library's text for {@code errno}, e.g. {@code No such file or directory}
     * @param detail the detail text before the colon, e.g. {@code Unable to open resource /x}
     * @return the exception
     */
    public static LockException system(int domain, int errno, String strerror, String detail) {
        if (errno <= 0) {
            throw new IllegalArgumentException("errno must be positive, got " + errno);
        }
        return new LockException(LibvirtErrors.ERR_SYSTEM_ERROR, domain, detail, errno,
                Objects.requireNonNull(strerror, "strerror"));
    }

    /** @return libvirt's error number ({@code virErrorNumber}) */
    public int code() {
        return code;
    }

    /** @return libvirt's error domain ({@code virErrorDomain}) */
    public int domain() {
        return domain;
    }

    /** @return the detail text, without the code's template and without the strerror suffix */
    public String detail() {
        return detail;
    }

    /** @return whether this is a system-call error with {@link #errno()} and {@link #strerror()} */
    public boolean isSystemError() {
        return strerror != null;
    }

    /** @return the errno of a system error, 0 otherwise */
    public int errno() {
        return errno;
    }

    /** @return the C library's text for {@link #errno()} of a system error, {@code null} otherwise */
    public String strerror() {
        return strerror;
    }
}
