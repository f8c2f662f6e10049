package org.virtlockd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LockExceptionTest {

    @Test
    void ordinaryErrorKeepsCodeDomainAndDetail() {
        LockException e = LockException.of(87, 51, "Lockspace resource 'foo' is locked");
        assertEquals(87, e.code());
        assertEquals(51, e.domain());
        assertEquals("Lockspace resource 'foo' is locked", e.detail());
        assertEquals("Lockspace resource 'foo' is locked", e.getMessage());
        assertFalse(e.isSystemError());
        assertEquals(0, e.errno());
        assertNull(e.strerror());
    }

    @Test
    void systemErrorAppendsStrerrorAsLibvirtDoes() {
        LockException e = LockException.system(51, 2, "No such file or directory",
                "Unable to open resource /srv/x");
        assertEquals(38, e.code());
        assertEquals(51, e.domain());
        assertTrue(e.isSystemError());
        assertEquals(2, e.errno());
        assertEquals("Unable to open resource /srv/x", e.detail());
        assertEquals("Unable to open resource /srv/x: No such file or directory", e.getMessage());
    }

    @Test
    void systemErrorNeedsAnErrno() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LockException.system(0, 0, "Success", "x"));
        assertEquals("errno must be positive, got 0", e.getMessage());
    }
}
