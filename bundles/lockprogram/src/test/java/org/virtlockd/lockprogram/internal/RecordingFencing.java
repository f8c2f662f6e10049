package org.virtlockd.lockprogram.internal;

import java.util.ArrayList;
import java.util.List;

import org.virtlockd.api.LockSpaces;
import org.virtlockd.api.OwnerFencing;

/** The holder rule without signals: releases through the real model and records the pids. */
final class RecordingFencing implements OwnerFencing {

    private final LockSpaces lockSpaces;
    private final List<Long> pids = new ArrayList<>();

    RecordingFencing(LockSpaces lockSpaces) {
        this.lockSpaces = lockSpaces;
    }

    @Override
    public boolean releaseAndFence(long pid) {
        pids.add(pid);
        return lockSpaces.releaseAll(pid);
    }

    List<Long> pids() {
        return pids;
    }
}
