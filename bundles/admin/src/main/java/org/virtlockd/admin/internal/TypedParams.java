package org.virtlockd.admin.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.virtlockd.protocol.ErrorCode;
import org.virtlockd.protocol.ErrorDomain;
import org.virtlockd.protocol.RpcError;
import org.virtlockd.protocol.TypedParam;
import org.virtlockd.protocol.TypedParamType;

/**
 * libvirt's checks of typed parameters a client sends ({@code src/util/virtypedparam.c}, domain none):
 * {@code virTypedParamsDeserialize} refuses a field name of 80 bytes or more, and {@code virTypedParamsValidate}
 * walks the parameters and the allowed names both sorted by name (byte order), in a merge that reports the
 * first duplicate, wrong type or unknown name it meets in that order.
 */
final class TypedParams {

    /** {@code VIR_TYPED_PARAM_FIELD_LENGTH}: a field name must be shorter. */
    static final int FIELD_LENGTH = 80;

    private static final Comparator<String> BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private TypedParams() {
    }

    /** {@code virTypedParamsDeserialize}'s check, in the parameters' order. */
    static void checkFieldLengths(List<TypedParam> params) throws AdminFailure {
        for (TypedParam p : params) {
            if (p.field().getBytes(StandardCharsets.UTF_8).length >= FIELD_LENGTH) {
                throw new AdminFailure(RpcError.ordinary(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "parameter " + p.field() + " too big for destination"));
            }
        }
    }

    /** {@code virTypedParamsValidate} with every allowed name single-valued. */
    static void validate(List<TypedParam> params, Map<String, TypedParamType> allowed) throws AdminFailure {
        List<TypedParam> sorted = new ArrayList<>(params);
        sorted.sort(Comparator.comparing(TypedParam::field, BYTE_ORDER));
        List<String> keys = new ArrayList<>(allowed.keySet());
        keys.sort(BYTE_ORDER);
        int i = 0;
        int j = 0;
        String last = null;
        while (i < sorted.size() && j < keys.size()) {
            TypedParam p = sorted.get(i);
            if (!p.field().equals(keys.get(j))) {
                j++;
                continue;
            }
            if (p.field().equals(last)) {
                throw invalid("parameter '" + p.field() + "' occurs multiple times");
            }
            TypedParamType expected = allowed.get(keys.get(j));
            if (p.type() != expected) {
                throw invalid("invalid type '" + name(p.type()) + "' for parameter '" + p.field() + "', expected '"
                        + name(expected) + "'");
            }
            last = p.field();
            i++;
        }
        if (j == keys.size() && i != sorted.size()) {
            throw new AdminFailure(RpcError.ordinary(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                    "parameter '" + sorted.get(i).field() + "' not supported"));
        }
    }

    /** @return the UINT value of the named parameter (after {@link #validate}), if present */
    static Optional<Long> uint(List<TypedParam> params, String field) {
        for (TypedParam p : params) {
            if (p.field().equals(field) && p instanceof TypedParam.UIntParam u) {
                return Optional.of(u.value());
            }
        }
        return Optional.empty();
    }

    /** {@code virTypedParameterTypeToString}. */
    static String name(TypedParamType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static AdminFailure invalid(String detail) {
        return new AdminFailure(RpcError.ordinary(ErrorCode.INVALID_ARG, ErrorDomain.NONE, detail));
    }
}
