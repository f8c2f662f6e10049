package org.virtlockd.protocol;

import java.util.Optional;

/**
 * The {@code virErrorNumber} values virtlockd and its clients use ({@code include/libvirt/virterror.h}),
 * each with the two message texts of {@code virErrorMsgStrings} in {@code src/util/virerror.c} (9.0.0):
 * the template used when there is a detail ({@link #template()}, exactly one {@code %s}) and the text used
 * when the detail is empty ({@link #bareText()}).
 */
public enum ErrorCode {
    /** {@code VIR_ERR_INTERNAL_ERROR}. */
    INTERNAL_ERROR(1, "internal error", "internal error: %s"),
    /** {@code VIR_ERR_NO_SUPPORT}; the libvirt client turns an RPC "unknown procedure" error into this. */
    NO_SUPPORT(3, "this function is not supported by the connection driver",
            "this function is not supported by the connection driver: %s"),
    /** {@code VIR_ERR_INVALID_ARG}. */
    INVALID_ARG(8, "invalid argument", "invalid argument: %s"),
    /** {@code VIR_ERR_OPERATION_DENIED}. */
    OPERATION_DENIED(29, "operation forbidden for read only access", "operation forbidden: %s"),
    /** {@code VIR_ERR_SYSTEM_ERROR}. */
    SYSTEM_ERROR(38, "system call error", "%s"),
    /** {@code VIR_ERR_RPC}. */
    RPC(39, "RPC error", "%s"),
    /** {@code VIR_ERR_OPERATION_INVALID}. */
    OPERATION_INVALID(55, "Requested operation is not valid", "Requested operation is not valid: %s"),
    /** {@code VIR_ERR_CONFIG_UNSUPPORTED}; raised inside the libvirt client plugin, never by the daemon. */
    CONFIG_UNSUPPORTED(67, "unsupported configuration", "unsupported configuration: %s"),
    /** {@code VIR_ERR_ARGUMENT_UNSUPPORTED}. */
    ARGUMENT_UNSUPPORTED(74, "argument unsupported", "argument unsupported: %s"),
    /** {@code VIR_ERR_RESOURCE_BUSY}. */
    RESOURCE_BUSY(87, "resource busy", "resource busy: %s"),
    /** {@code VIR_ERR_NO_SERVER}. */
    NO_SERVER(95, "Server not found", "Server not found: %s"),
    /** {@code VIR_ERR_NO_CLIENT}. */
    NO_CLIENT(96, "Client not found", "Client not found: %s");

    private final int number;
    private final String bareText;
    private final String template;

    ErrorCode(int number, String bareText, String template) {
        this.number = number;
        this.bareText = bareText;
        this.template = template;
    }

    /** @return the value on the wire */
    public int number() {
        return number;
    }

    /** @return the message when there is no detail */
    public String bareText() {
        return bareText;
    }

    /** @return the message template with one {@code %s} for the detail; also sent as {@code str1} */
    public String template() {
        return template;
    }

    /** @return the code with this number, or empty if this library does not know it */
    public static Optional<ErrorCode> of(int number) {
        for (ErrorCode code : values()) {
            if (code.number == number) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
