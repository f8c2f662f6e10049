package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static RequestReader reader(String text, int limit) {
        return new RequestReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
    }

    @Test
    void linesEndAtLfWithAnOptionalCr() throws Exception {
        RequestReader r = reader("lb\r\nresources \"\"\n\nécho\n", 100);
        assertEquals("lb", r.next());
        assertEquals("resources \"\"", r.next());
        assertEquals("", r.next());
        assertEquals("écho", r.next());
        assertNull(r.next());
    }

    @Test
    void aLastLineWithoutLfIsDropped() throws Exception {
        RequestReader r = reader("lb\nfelix:stop 0", 100);
        assertEquals("lb", r.next());
        assertNull(r.next(), "a client that went away mid-line runs nothing");
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() throws Exception {
        RequestReader r = reader("abcd\nabcde\n", 4);
        assertEquals("abcd", r.next(), "exactly the limit is fine");
        RequestReader.TooLongException e = assertThrows(RequestReader.TooLongException.class, r::next);
        assertEquals("command line longer than 4 bytes", e.getMessage());
    }

    @Test
    void theDefaultLimitIs64KiB() {
        assertEquals(65_536, ShellProtocol.MAX_REQUEST);
    }
}
