package org.virtlockd.protocol;

/**
 * The error payload {@code virNetMessageError} (virnetprotocol.x), sent after a header with status ERROR.
 * Absent optional strings are {@code null}. The factories fill the fields as libvirt 9.0.0's
 * {@code virReportError}, {@code virReportSystemError} and {@code virCheckFlags} do (checked against the
 * installed daemon).
 *
 * <table>
 *   <caption>Error payload layout</caption>
 *   <tr><th>#</th><th>XDR type</th><th>Field</th></tr>
 *   <tr><td>1</td><td>int</td><td>code ({@link ErrorCode})</td></tr>
 *   <tr><td>2</td><td>int</td><td>domain ({@link ErrorDomain})</td></tr>
 *   <tr><td>3</td><td>string * (max {@link Limits#STRING_MAX})</td><td>message</td></tr>
 *   <tr><td>4</td><td>int</td><td>level, always {@link #LEVEL_ERROR}</td></tr>
 *   <tr><td>5</td><td>struct * {string name; opaque uuid[16]; int id}</td><td>dom: never sent, skipped</td></tr>
 *   <tr><td>6–8</td><td>string *</td><td>str1, str2, str3</td></tr>
 *   <tr><td>9–10</td><td>int</td><td>int1, int2</td></tr>
 *   <tr><td>11</td><td>struct * {string name; opaque uuid[16]}</td><td>net: never sent, skipped</td></tr>
 * </table>
 *
 * @param code error number
 * @param domain error domain
 * @param message full human message, or {@code null}
 * @param level error level
 * @param str1 extra string 1, or {@code null}
 * @param str2 extra string 2, or {@code null}
 * @param str3 extra string 3, or {@code null}
 * @param int1 extra number 1
 * @param int2 extra number 2
 */
public record RpcError(int code, int domain, String message, int level,
                       String str1, String str2, String str3, int int1, int int2) {

    /** {@code VIR_ERR_ERROR}, the level of every error virtlockd sends. */
    public static final int LEVEL_ERROR = 2;

    /**
     * An error as {@code virReportError} raises it: message = template with the detail, str1 = the
     * template, str2 = the detail, int1 = int2 = -1. An empty detail gives the code's bare text instead.
     */
    public static RpcError ordinary(ErrorCode code, ErrorDomain domain, String detail) {
        return ordinary(code.number(), domain.number(), detail);
    }

    /**
     * {@link #ordinary(ErrorCode, ErrorDomain, String)} for numbers carried by other layers.
     *
     * @throws IllegalArgumentException if {@code code} is not an {@link ErrorCode}
     */
    public static RpcError ordinary(int code, int domain, String detail) {
        ErrorCode known = ErrorCode.of(code)
                .orElseThrow(() -> new IllegalArgumentException("no message template for error code " + code));
        String format = detail.isEmpty() ? known.bareText() : known.template();
        String message = detail.isEmpty() ? format : format.replace("%s", detail);
        return new RpcError(code, domain, message, LEVEL_ERROR, format, detail, null, -1, -1);
    }

    /**
     * A failed system call as {@code virReportSystemError} raises it: code 38, message = str2 =
     * {@code "<detail>: <strerror>"}, str1 = {@code "%s"}, int1 = errno, int2 = -1.
     *
     * @param strerror the C library's text for {@code errno}, e.g. "No such file or directory"
     */
    public static RpcError system(ErrorDomain domain, String detail, int errno, String strerror) {
        String message = detail + ": " + strerror;
        return new RpcError(ErrorCode.SYSTEM_ERROR.number(), domain.number(), message, LEVEL_ERROR,
                ErrorCode.SYSTEM_ERROR.template(), message, null, errno, -1);
    }

    /**
     * Unsupported flags as {@code virCheckFlags} reports them: code 8, message
     * {@code "unsupported flags (0x<bits>) in function <function>"} (no "invalid argument" prefix),
     * str1 = the function, str2 = {@code "flags"}, int1 = int2 = 0.
     *
     * @param unsupportedBits {@code flags & ~allowed}: libvirt names only the bits it rejects
     * @param function the C function libvirt names, e.g. {@code virLockSpaceProtocolDispatchAcquireResource}
     */
    public static RpcError unsupportedFlags(ErrorDomain domain, int unsupportedBits, String function) {
        String message = "unsupported flags (0x" + Integer.toHexString(unsupportedBits) + ") in function " + function;
        return new RpcError(ErrorCode.INVALID_ARG.number(), domain.number(), message, LEVEL_ERROR,
                function, "flags", null, 0, 0);
    }

    /** An RPC-layer error (code 39, domain 7): message = str2 = detail, str1 = {@code "%s"}. */
    public static RpcError rpc(String detail) {
        return ordinary(ErrorCode.RPC, ErrorDomain.RPC, detail);
    }

    /** Writes the struct; dom and net are always absent. */
    public void encode(XdrWriter writer) {
        writer.writeInt(code).writeInt(domain).writeOptionalString(message, Limits.STRING_MAX).writeInt(level);
        writer.writeInt(0);
        writer.writeOptionalString(str1, Limits.STRING_MAX).writeOptionalString(str2, Limits.STRING_MAX)
                .writeOptionalString(str3, Limits.STRING_MAX);
        writer.writeInt(int1).writeInt(int2);
        writer.writeInt(0);
    }

    /** Reads the struct; a present dom or net is read and dropped. */
    public static RpcError decode(XdrReader reader) throws XdrException {
        int code = reader.readInt();
        int domain = reader.readInt();
        String message = reader.readOptionalString(Limits.STRING_MAX);
        int level = reader.readInt();
        if (reader.readOptionalFlag()) {
            reader.readString(Limits.STRING_MAX);
            reader.readOpaqueFixed(Limits.UUID_LEN);
            reader.readInt();
        }
        String str1 = reader.readOptionalString(Limits.STRING_MAX);
        String str2 = reader.readOptionalString(Limits.STRING_MAX);
        String str3 = reader.readOptionalString(Limits.STRING_MAX);
        int int1 = reader.readInt();
        int int2 = reader.readInt();
        if (reader.readOptionalFlag()) {
            reader.readString(Limits.STRING_MAX);
            reader.readOpaqueFixed(Limits.UUID_LEN);
        }
        return new RpcError(code, domain, message, level, str1, str2, str3, int1, int2);
    }
}
