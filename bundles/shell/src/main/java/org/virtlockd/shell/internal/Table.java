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
            String text = cell == null ? "" : cell.toString();
            row.add(text.isEmpty() ? NONE : text);
        }
        rows.add(row);
        return this;
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
