package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code lockd:config PID KEY VALUE}: the text takes the type the setting has now. */
class ConfigUpdateTest {

    @Test
    void keepsTheTypeOfTheCurrentValue() {
        assertEquals(2048, ConfigUpdate.convert("maxClients", 1024, " 2048"));
        assertEquals(5L, ConfigUpdate.convert("x", 1L, "5"));
        assertEquals(Boolean.TRUE, ConfigUpdate.convert("verbose", false, "true"));
        assertEquals("1:util", ConfigUpdate.convert("logFilters", "", "1:util"));
        assertEquals("new", ConfigUpdate.convert("unknownYet", null, "new"), "a new key is a string");
    }

    @Test
    void refusesValuesOfTheWrongType() {
        assertEquals("maxClients takes a whole number, not 'many'",
                assertThrows(IllegalArgumentException.class, () -> ConfigUpdate.convert("maxClients", 1, "many")).getMessage());
        assertEquals("verbose takes true or false, not 'yes'",
                assertThrows(IllegalArgumentException.class, () -> ConfigUpdate.convert("verbose", true, "yes")).getMessage());
        assertEquals("list holds a String[], which the shell cannot set",
                assertThrows(IllegalArgumentException.class, () -> ConfigUpdate.convert("list", new String[0], "a")).getMessage());
    }
}
