package org.virtlockd.itests.diff;

/**
 * One row of the scenario table: a name and the steps, written once and run against each daemon on
 * fresh connections.
 *
 * @param name what the scenario exercises
 * @param body the steps
 */
record Scenario(String name, Body body) {

    /** The steps of a scenario against one daemon. */
    @FunctionalInterface
    interface Body {
        void run(Session s) throws Exception;
    }

    static Scenario of(String name, Body body) {
        return new Scenario(name, body);
    }
}
