package org.virtlockd.launcher;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a re-exec handed to this process image: the state document, until everything in it has been taken
 * over, and how many re-execs came before.
 */
final class HandOver {

    /** The environment variable that counts re-execs; set just before each exec. */
    static final String COUNT_VARIABLE = "VIRTLOCKD_REEXEC_COUNT";

    private final AtomicReference<Map<String, Object>> state;
    private final int count;

    private HandOver(Map<String, Object> state, int count) {
        this.state = new AtomicReference<>(state);
        this.count = count;
    }

    /** @return a fresh start: nothing handed over */
    static HandOver none() {
        return new HandOver(null, 0);
    }

    /** @return the hand-over of a re-exec, counted from the environment the previous image passed on */
    static HandOver of(Map<String, Object> state, Map<String, String> env) {
        int count;
        try {
            count = Math.max(1, Integer.parseInt(env.getOrDefault(COUNT_VARIABLE, "1").trim()));
        } catch (NumberFormatException e) {
            count = 1;
        }
        return new HandOver(state, count);
    }

    Optional<Map<String, Object>> state() {
        return Optional.ofNullable(state.get());
    }

    void taken() {
        state.set(null);
    }

    int count() {
        return count;
    }
}
