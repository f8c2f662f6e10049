package org.virtlockd.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser for libvirt's configuration syntax as {@code src/util/virconf.c} (9.0.0, default flavour) accepts it,
 * including its corner cases, which were compared with the installed {@code /usr/sbin/virtlockd}:
 * <pre>
 *   file      = { statement separator }
 *   statement = blanks-and-newlines ( "#" rest-of-line | name blanks "=" blanks value blanks [ "#" rest-of-line ] )
 *   separator = blanks ( end | newline blanks-and-newlines | ";" blanks-and-newlines )
 *   name      = ASCII letter { ASCII letter | digit | "_" }
 *   value     = string | number | "[" [ value { "," value } [ "," ] ] "]"    (newlines allowed inside, comments not)
 *   number    = [ "+" | "-" ] digit { digit }         (decimal only; "-" makes it signed)
 *   string    = '…' | "…" (one line) | """…""" (may span lines)
 * </pre>
 * Blanks are space and tab; a newline is {@code \n} or {@code \r}, only {@code \n} counts lines. A file of
 * nothing but blanks and newlines is an error ({@code expecting a name}), an empty one is not. A triple quote
 * is recognised only when more than six bytes remain. Numbers wrap modulo 2^64. String bytes are decoded as
 * UTF-8 and cut at a NUL byte, as libvirt's C string copy does. When a key repeats, the first one counts.
 */
public final class VirConfParser {
    /** Our own guard: libvirt recurses without a bound and crashes on deeply nested lists. */
    static final int MAX_LIST_DEPTH = 1024;

    private final String file;
    private final ConfCursor in;

    private VirConfParser(String file, byte[] text) {
        this.file = file;
        this.in = new ConfCursor(file, text);
    }

    /**
     * @param file the file name to put in error messages and in the result
     * @param content the whole file content
     * @return the entries in file order (first occurrence of each key)
     * @throws ConfigException a syntax error worded as libvirt's, naming file and line
     */
    public static ConfFile parse(String file, byte[] content) throws ConfigException {
        return new VirConfParser(file, content).file();
    }

    private ConfFile file() throws ConfigException {
        Map<String, ConfValue> entries = new LinkedHashMap<>();
        while (!in.atEnd()) {
            statement(entries);
            separator();
        }
        return new ConfFile(file, entries);
    }

    private void statement(Map<String, ConfValue> entries) throws ConfigException {
        in.skipBlanksAndNewlines();
        if (in.cur() == '#') {
            in.skipRestOfLine();
            return;
        }
        String name = name();
        in.skipBlanks();
        if (in.cur() != '=') {
            throw in.error("expecting an assignment");
        }
        in.next();
        in.skipBlanks();
        ConfValue value = value(0);
        in.skipBlanks();
        if (in.cur() == '#') {
            in.skipRestOfLine();
        }
        entries.putIfAbsent(name, value);
    }

    private void separator() throws ConfigException {
        in.skipBlanks();
        if (in.atEnd()) {
            return;
        }
        if (ConfCursor.isNewline(in.cur())) {
            in.skipBlanksAndNewlines();
        } else if (in.cur() == ';') {
            in.next();
            in.skipBlanksAndNewlines();
        } else {
            throw in.error("expecting a separator");
        }
    }

    private String name() throws ConfigException {
        in.skipBlanks();
        int base = in.mark();
        if (!ConfCursor.isLetter(in.cur())) {
            throw in.error("expecting a name");
        }
        while (!in.atEnd() && (ConfCursor.isLetter(in.cur()) || ConfCursor.isDigit(in.cur()) || in.cur() == '_')) {
            in.next();
        }
        return in.decode(base);
    }

    private ConfValue value(int depth) throws ConfigException {
        in.skipBlanks();
        if (in.atEnd()) {
            throw in.error("expecting a value");
        }
        int c = in.cur();
        if (c == '"' || c == '\'') {
            return new ConfValue.Str(in.quotedString());
        } else if (c == '[') {
            return list(depth + 1);
        } else if (ConfCursor.isDigit(c) || c == '-' || c == '+') {
            return number();
        }
        throw in.error("expecting a value");
    }

    private ConfValue list(int depth) throws ConfigException {
        if (depth > MAX_LIST_DEPTH) {
            throw in.error("lists nested deeper than " + MAX_LIST_DEPTH);
        }
        List<ConfValue> items = new ArrayList<>();
        in.next();
        in.skipBlanksAndNewlines();
        if (!in.atEnd() && in.cur() != ']') {
            items.add(value(depth));
            in.skipBlanksAndNewlines();
        }
        while (!in.atEnd() && in.cur() != ']') {
            if (in.cur() != ',') {
                throw in.error("expecting a separator in list");
            }
            in.next();
            in.skipBlanksAndNewlines();
            if (in.cur() == ']') {
                break;
            }
            items.add(value(depth));
            in.skipBlanksAndNewlines();
        }
        if (in.cur() != ']') {
            throw in.error("list is not closed with ]");
        }
        in.next();
        return new ConfValue.ListOf(items);
    }

    private ConfValue number() throws ConfigException {
        boolean negative = in.cur() == '-';
        if (negative || in.cur() == '+') {
            in.next();
        }
        if (in.atEnd() || !ConfCursor.isDigit(in.cur())) {
            throw in.error("unterminated number");
        }
        long value = 0;
        while (!in.atEnd() && ConfCursor.isDigit(in.cur())) {
            value = value * 10 + (in.cur() - '0');
            in.next();
        }
        return negative ? new ConfValue.Signed(-value) : new ConfValue.Unsigned(value);
    }
}
