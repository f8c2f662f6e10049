package org.virtlockd.lockspace.internal;

/** Where the model reports what libvirt only logs (it never fails a call for these). */
interface ModelLog {

    /** A log that drops everything. */
    ModelLog NONE = new ModelLog() {
        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    void warn(String message);

    void debug(String message);
}
