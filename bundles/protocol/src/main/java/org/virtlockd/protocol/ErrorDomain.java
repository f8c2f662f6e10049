package org.virtlockd.protocol;

import java.util.Optional;

/** The {@code virErrorDomain} values virtlockd emits ({@code include/libvirt/virterror.h}). */
public enum ErrorDomain {
    /** {@code VIR_FROM_NONE}: generic file helpers, thread pool, typed parameters. */
    NONE(0),
    /** {@code VIR_FROM_RPC}: RPC layer, lock dispatch guards, server and client lookups. */
    RPC(7),
    /** {@code VIR_FROM_CONF}: configuration file loading. */
    CONF(9),
    /** {@code VIR_FROM_LOCKING}: daemon main and the client plugin. */
    LOCKING(42),
    /** {@code VIR_FROM_LOCKSPACE}: resource and lockspace operations. */
    LOCKSPACE(51),
    /** {@code VIR_FROM_ADMIN}: admin dispatch and flag checks. */
    ADMIN(62);

    private final int number;

    ErrorDomain(int number) {
        this.number = number;
    }

    /** @return the value on the wire */
    public int number() {
        return number;
    }

    /** @return the domain with this number, or empty if this library does not know it */
    public static Optional<ErrorDomain> of(int number) {
        for (ErrorDomain domain : values()) {
            if (domain.number == number) {
                return Optional.of(domain);
            }
        }
        return Optional.empty();
    }
}
