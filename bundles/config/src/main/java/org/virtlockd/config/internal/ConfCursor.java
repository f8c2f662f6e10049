package org.virtlockd.config.internal;

import java.nio.charset.StandardCharsets;

/**
 * A position in the bytes of a configuration file, with the character classes and skips of libvirt's
 * virconf ({@code CUR}, {@code NEXT}, {@code SKIP_BLANKS}, {@code SKIP_BLANKS_AND_EOL}). Reading past the end
 * gives 0, as libvirt reads the NUL it keeps after its buffer. Only {@code \n} counts lines.
 */
final class ConfCursor {
    private static final String TRIPLE_QUOTE = "\"\"\"";
    /** libvirt looks for {@code """} only when more than six bytes remain from the first quote. */
    private static final int TRIPLE_QUOTE_MIN_REMAINING = 7;

    private final String file;
    private final byte[] text;
    private final int end;
    private int pos;
    private int line = 1;

    ConfCursor(String file, byte[] text) {
        this.file = file;
        this.text = text;
        this.end = text.length;
    }

    /** @return true when every byte has been consumed */
    boolean atEnd() {
        return pos >= end;
    }

    /** @return the current byte (unsigned), or 0 at the end */
    int cur() {
        return pos < end ? text[pos] & 0xff : 0;
    }

    /** Moves one byte on, unless at the end. */
    void next() {
        if (pos < end) {
            pos++;
        }
    }

    /** @return the offset of the current byte, for {@link #decode} */
    int mark() {
        return pos;
    }

    private boolean lookingAt(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (pos + i >= end || text[pos + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void skipBlanks() {
        while (pos < end && isBlank(cur())) {
            pos++;
        }
    }

    void skipBlanksAndNewlines() {
        while (pos < end && (isBlank(cur()) || isNewline(cur()))) {
            if (cur() == '\n') {
                line++;
            }
            pos++;
        }
    }

    /** Moves past the current byte and then up to (not over) the next newline, as after a {@code #}. */
    void skipRestOfLine() {
        next();
        while (pos < end && !isNewline(cur())) {
            pos++;
        }
    }

    /**
     * @param from the offset of the first byte
     * @return the bytes from {@code from} up to the cursor, cut at a NUL byte (as libvirt's C string copy
     *     ends there), decoded as UTF-8
     */
    String decode(int from) {
        int stop = from;
        while (stop < pos && text[stop] != 0) {
            stop++;
        }
        return new String(text, from, stop - from, StandardCharsets.UTF_8);
    }

    /**
     * Reads a string whose opening quote is at the cursor: {@code '…'} or {@code "…"} on one line, or
     * {@code """…"""} over any number of lines (recognised only when more than six bytes remain, as in libvirt).
     *
     * @return the content between the quotes
     * @throws ConfigException {@code unterminated string}
     */
    String quotedString() throws ConfigException {
        int quote = cur();
        if (quote == '"' && end - pos >= TRIPLE_QUOTE_MIN_REMAINING && lookingAt(TRIPLE_QUOTE)) {
            pos += TRIPLE_QUOTE.length();
            int base = pos;
            while (pos + 2 < end && !lookingAt(TRIPLE_QUOTE)) {
                if (cur() == '\n') {
                    line++;
                }
                next();
            }
            if (!lookingAt(TRIPLE_QUOTE)) {
                throw error("unterminated string");
            }
            String s = decode(base);
            pos += TRIPLE_QUOTE.length();
            return s;
        }
        next();
        int base = pos;
        while (!atEnd() && cur() != quote && !isNewline(cur())) {
            next();
        }
        if (cur() != quote) {
            throw error("unterminated string");
        }
        String s = decode(base);
        next();
        return s;
    }

    /** @return a syntax error at the current line, as libvirt's {@code virConfError} words it */
    ConfigException error(String what) {
        return ConfigException.syntax(file, line, what);
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
