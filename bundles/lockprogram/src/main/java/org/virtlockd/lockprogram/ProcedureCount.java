package org.virtlockd.lockprogram;

import java.util.Objects;

/**
 * One lock procedure's counters at one moment. A call whose arguments cannot be decoded counts as a call
 * and an error.
 *
 * @param procedure the procedure's name, e.g. {@code ACQUIRE_RESOURCE}
 * @param number the procedure number on the wire
 * @param calls calls received
 * @param errors calls answered with an error
 */
public record ProcedureCount(String procedure, int number, long calls, long errors) {

    /** Checks the arguments. */
    public ProcedureCount {
        Objects.requireNonNull(procedure, "procedure");
        if (calls < 0 || errors < 0) {
            throw new IllegalArgumentException("counters of " + procedure + " out of range: calls=" + calls
                    + ", errors=" + errors);
        }
    }
}
