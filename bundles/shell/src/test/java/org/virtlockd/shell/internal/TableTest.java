package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAlignedTwoSpacesApartAndTheLastIsNotPadded() {
        Table t = new Table("NAME", "N", "PATH").row("a", 1, "/x y").row("longer", 22, "/z");
        assertEquals("""
                NAME    N   PATH
                a       1   /x y
                longer  22  /z
                """, t.toString());
    }

    @Test
    void missingCellsShowAsADashAndNotesFollowTheRows() {
        Table t = new Table("A", "B").row(null, "").note("uptime: 1 s");
        assertEquals("A  B\n-  -\nuptime: 1 s\n", t.toString());
    }

    @Test
    void bytesOfNonUtf8NamesAreShownEscaped() {
        String raw = "/data/l" + (char) 0xDCFF + (char) 0xDCC3 + "é";
        assertEquals("/data/l\\xff\\xc3é", Table.visible(raw));
        assertEquals("N\n/data/l\\xff\\xc3é\n", new Table("N").row(raw).toString());
        assertEquals("plain", Table.visible("plain"));
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertEquals("A  B\n", new Table("A", "B").toString());
    }

    @Test
    void aRowMustHaveEveryColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("x"));
        assertEquals("a row of [A, B] needs 2 cells, got [x]", e.getMessage());
    }
}
