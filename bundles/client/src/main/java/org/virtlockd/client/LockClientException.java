package org.virtlockd.client;

import java.util.Objects;
import java.util.Optional;

import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.RpcError;

/**
 * The daemon answered a call with status ERROR. The connection stays usable: libvirt's daemon keeps it
 * open after every error reply. Unchecked, since a refusal (a held lock, a missing lockspace) is an
 * outcome the caller chooses whether to handle, unlike the {@link java.io.IOException}s of the transport.
 */
public class LockClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Not serialised with the exception: records are not serialisable. */
    private final transient RpcError error;
    private final int procedure;

    /**
     * @param procedure the procedure number of the call that failed
     * @param error the decoded error payload
     */
    public LockClientException(int procedure, RpcError error) {
        super(Objects.requireNonNull(error, "error").message() == null
                ? "procedure " + procedure + " failed with code " + error.code()
                : error.message());
        this.error = error;
        this.procedure = procedure;
    }

    /** @return the error payload as the daemon sent it */
    public RpcError error() {
        return error;
    }

    /** @return the procedure number of the failed call */
    public int procedure() {
        return procedure;
    }

    /** @return the error number ({@code virErrorNumber}) */
    public int code() {
        return error.code();
    }

    /** @return the error domain ({@code virErrorDomain}) */
    public int domain() {
        return error.domain();
    }

    /** @return the error code if the protocol library knows it */
    public Optional<ErrorCode> errorCode() {
        return ErrorCode.of(error.code());
    }

    /** @return the error domain if the protocol library knows it */
    public Optional<ErrorDomain> errorDomain() {
        return ErrorDomain.of(error.domain());
    }
}
