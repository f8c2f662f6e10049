package org.virtlockd.lockprogram.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.virtlockd.lockprogram.ProcedureCount;
import org.virtlockd.protocol.LockProcedure;

/**
 * Calls and error replies per lock procedure since the program started, plus calls of procedure numbers
 * the program does not have. A call whose arguments cannot be decoded counts as a call and an error.
 */
final class ProcedureStats {

    private final Map<LockProcedure, LongAdder> calls = new EnumMap<>(LockProcedure.class);
    private final Map<LockProcedure, LongAdder> errors = new EnumMap<>(LockProcedure.class);
    private final LongAdder unknown = new LongAdder();

    ProcedureStats() {
        for (LockProcedure procedure : LockProcedure.values()) {
            calls.put(procedure, new LongAdder());
            errors.put(procedure, new LongAdder());
        }
    }

    void called(LockProcedure procedure) {
        calls.get(procedure).increment();
    }

    void failed(LockProcedure procedure) {
        errors.get(procedure).increment();
    }

    void unknownCalled() {
        unknown.increment();
    }

    long calls(LockProcedure procedure) {
        return calls.get(procedure).sum();
    }

    long errors(LockProcedure procedure) {
        return errors.get(procedure).sum();
    }

    /** @return calls of procedure numbers outside the table (all answered "unknown procedure") */
    long unknown() {
        return unknown.sum();
    }

    /** @return the counters of every procedure in procedure-number order */
    List<ProcedureCount> snapshot() {
        List<ProcedureCount> counts = new ArrayList<>(calls.size());
        for (LockProcedure procedure : LockProcedure.values()) {
            counts.add(new ProcedureCount(procedure.name(), procedure.number(), calls(procedure), errors(procedure)));
        }
        return counts;
    }
}
