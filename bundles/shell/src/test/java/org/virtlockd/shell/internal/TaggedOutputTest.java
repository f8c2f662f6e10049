package org.virtlockd.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TaggedOutputTest {

    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private final ReplyWriter writer = new ReplyWriter(wire);

    private String wire() {
        return wire.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyLfEndsOneTaggedLine() throws Exception {
        TaggedOutput out = new TaggedOutput(writer, 'o');
        out.write("one\ntwo\n\nthr".getBytes(StandardCharsets.UTF_8));
        assertEquals("o one\no two\no \n", wire(), "an unfinished line waits");
        out.write('e');
        out.write('\n');
        assertEquals("o one\no two\no \no thre\n", wire());
    }

    @Test
    void endLineSendsAnUnfinishedLineOnce() throws Exception {
        TaggedOutput err = new TaggedOutput(writer, 'e');
        err.write("no newline".getBytes(StandardCharsets.UTF_8));
        err.endLine();
        err.endLine();
        assertEquals("e no newline\n", wire());
    }

    @Test
    void aLongLineIsCutAtTheLimit() throws Exception {
        TaggedOutput out = new TaggedOutput(writer, 'o', 4);
        out.write("abcdefghij\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("o abcd\no efgh\no ij\n", wire());
    }

    @Test
    void outputAndErrorLinesInterleaveWhole() throws Exception {
        TaggedOutput out = new TaggedOutput(writer, 'o');
        TaggedOutput err = new TaggedOutput(writer, 'e');
        out.write("par".getBytes(StandardCharsets.UTF_8));
        err.write("failure\n".getBytes(StandardCharsets.UTF_8));
        out.write("tial\n".getBytes(StandardCharsets.UTF_8));
        writer.status(0);
        assertEquals("e failure\no partial\ns 0\n", wire());
    }
}
