package org.virtlockd.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the {@code lockd:} commands return: a header, rows and notes, rendered by {@link #toString()} as
 * left-aligned columns two spaces apart (the last column unpadded), then the notes, one per line. Gogo
 * formats a value without getters through {@code toString()}, in a terminal and in a pipe alike.
 */
final class Table {

    /** Shown for a missing value, so that every row has every column. */
    static final String NONE = "-";
    private static final String GAP = "  ";
    private static final int ESCAPE_BASE = 0xDC00;
    private static final char ESCAPE_FIRST = (char) (ESCAPE_BASE + 0x80);
    private static final char ESCAPE_LAST = (char) (ESCAPE_BASE + 0xFF);

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; a null or empty cell shows as {@value #NONE}. */
    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + header + " needs " + header.size() + " cells, got "
                    + Arrays.toString(cells));
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            String text = cell == null ? "" : visible(cell.toString());
            row.add(text.isEmpty() ? NONE : text);
        }
        rows.add(row);
        return this;
    }

    /**
     * @return the text with each byte of a non-UTF-8 name (the api's escape characters U+DC80..U+DCFF,
     *     see {@code org.virtlockd.api.RawStrings}) shown as {@code \xNN}
     */
    static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escaped = c >= ESCAPE_FIRST && c <= ESCAPE_LAST;
            if (escaped && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                out.append(escaped ? String.format("\\x%02x", c - ESCAPE_BASE) : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Adds a line after the rows. */
    Table note(String line) {
        notes.add(line);
        return this;
    }

    /** @return the rows so far, each a list of cells */
    List<List<String>> rows() {
        return List.copyOf(rows);
    }

    @Override
    public String toString() {
        int[] width = new int[header.size()];
        for (List<String> row : withHeader()) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : withHeader()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(row.get(i));
                if (i < width.length - 1) {
                    line.append(" ".repeat(width[i] - row.get(i).length())).append(GAP);
                }
            }
            out.append(line).append('\n');
        }
        notes.forEach(n -> out.append(n).append('\n'));
        return out.toString();
    }

    private List<List<String>> withHeader() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        return all;
    }
}
