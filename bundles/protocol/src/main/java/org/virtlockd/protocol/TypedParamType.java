package org.virtlockd.protocol;

import java.util.Optional;

/** {@code virTypedParameterType}: the discriminant of a {@link TypedParam} value. */
public enum TypedParamType {
    /** {@code VIR_TYPED_PARAM_INT}: int. */
    INT,
    /** {@code VIR_TYPED_PARAM_UINT}: unsigned int. */
    UINT,
    /** {@code VIR_TYPED_PARAM_LLONG}: hyper. */
    LLONG,
    /** {@code VIR_TYPED_PARAM_ULLONG}: unsigned hyper. */
    ULLONG,
    /** {@code VIR_TYPED_PARAM_DOUBLE}: double. */
    DOUBLE,
    /** {@code VIR_TYPED_PARAM_BOOLEAN}: int, 0 or 1. */
    BOOLEAN,
    /** {@code VIR_TYPED_PARAM_STRING}: string. */
    STRING;

    /** @return the discriminant on the wire: declaration order, from 1 */
    public int code() {
        return ordinal() + 1;
    }

    /** @return the type with this discriminant, or empty */
    public static Optional<TypedParamType> of(int code) {
        TypedParamType[] all = values();
        return code >= 1 && code <= all.length ? Optional.of(all[code - 1]) : Optional.empty();
    }
}
