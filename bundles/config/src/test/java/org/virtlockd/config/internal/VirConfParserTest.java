package org.virtlockd.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every syntax form, good and bad. Each error text below was produced by libvirt 9.0.0's
 * {@code /usr/sbin/virtlockd -f FILE} on the same bytes (message between "Can't load config file: " and the
 * trailing ": FILE"), with the file name replaced.
 */
class VirConfParserTest {
    private static final String F = "/etc/libvirt/virtlockd.conf";

    static Stream<Arguments> goodInputs() {
        return Stream.of(
                good("empty file", "", Map.of()),
                good("comment only", "# hi\n", Map.of()),
                good("comment then blank lines", "# a\n\n\n", Map.of()),
                good("leading blank line", "\na = 1\n", Map.of("a", u(1))),
                good("value then blank lines", "a = 1\n\n  \n", Map.of("a", u(1))),
                good("no final newline", "a = 1", Map.of("a", u(1))),
                good("no blanks around =", "a=1", Map.of("a", u(1))),
                good("tabs and indentation", "  \ta\t=\t7\n", Map.of("a", u(7))),
                good("plus sign is unsigned", "a = +5\n", Map.of("a", u(5))),
                good("minus sign is signed", "a = -5\n", Map.of("a", new ConfValue.Signed(-5))),
                good("minus zero is signed", "a = -0\n", Map.of("a", new ConfValue.Signed(0))),
                good("UINT_MAX", "a = 4294967295\n", Map.of("a", u(4294967295L))),
                good("2^64 wraps to 0", "a = 18446744073709551616\n", Map.of("a", u(0))),
                good("2^64-1", "a = 18446744073709551615\n", Map.of("a", u(-1))),
                good("double quotes", "a = \"x'y\"\n", Map.of("a", s("x'y"))),
                good("single quotes", "a = 'x\"y'\n", Map.of("a", s("x\"y"))),
                good("empty string", "a = \"\"\n", Map.of("a", s(""))),
                good("triple quotes", "a = \"\"\"x\"y\"\"\"\n", Map.of("a", s("x\"y"))),
                good("triple quotes over lines", "a = \"\"\"one\ntwo\r\n\"\"\"\nb = 2\n",
                        Map.of("a", s("one\ntwo\r\n"), "b", u(2))),
                good("empty triple quotes", "a = \"\"\"\"\"\"\n", Map.of("a", s(""))),
                good("triple quotes, exactly 7 bytes left", "a = \"\"\"x\"\"\"", Map.of("a", s("x"))),
                good("unicode in string", "a = \"h\u00e9llo \u2603\"\n", Map.of("a", s("h\u00e9llo \u2603"))),
                good("comment after value", "a = 5 # five\nb = 'x'#x\n", Map.of("a", u(5), "b", s("x"))),
                good("semicolon separators", "a = 5; b = 6\n", Map.of("a", u(5), "b", u(6))),
                good("semicolon at end of file", "a = 1;", Map.of("a", u(1))),
                good("semicolon then comment", "a = 1; # x\n", Map.of("a", u(1))),
                good("CRLF line ends", "a = 1\r\nb = \"x\"\r\n", Map.of("a", u(1), "b", s("x"))),
                good("CR line ends", "a = 1\rb = 2\r", Map.of("a", u(1), "b", u(2))),
                good("name with digits, underscores, capitals", "Max_clients2 = 1\n",
                        Map.of("Max_clients2", u(1))),
                good("first of a repeated key wins", "a = 5\na = \"x\"\n", Map.of("a", u(5))),
                good("empty list", "a = []\n", Map.of("a", list())),
                good("list of mixed values, trailing comma, over lines",
                        "a = [1, \"a\",\n 'b', -2, ]\n", Map.of("a", list(u(1), s("a"), s("b"), new ConfValue.Signed(-2)))),
                good("list with blank lines", "a = [\n\n 1 ,\n 2\n ,\n]\n", Map.of("a", list(u(1), u(2)))),
                good("nested lists", "a = [[1], []]\n", Map.of("a", list(list(u(1)), list()))),
                good("NUL ends a string, as in C", "a = \"ab\0cd\"\n", Map.of("a", s("ab"))));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("newline only", "\n", 2, "expecting a name"),
                bad("blanks only", "   ", 1, "expecting a name"),
                bad("blank lines only", "\n\n  \n", 4, "expecting a name"),
                bad("missing value", "max_clients = \n", 1, "expecting a value"),
                bad("missing value at end of file", "a =", 1, "expecting a value"),
                bad("error on line 3", "# a\n\nmax_clients = \n", 3, "expecting a value"),
                bad("missing =", "max_clients 5\n", 1, "expecting an assignment"),
                bad("name alone at end of file", "abc", 1, "expecting an assignment"),
                bad("==", "a == 1\n", 1, "expecting a value"),
                bad("name starts with digit", "1abc = 5\n", 1, "expecting a name"),
                bad("name starts with underscore", "_abc = 5\n", 1, "expecting a name"),
                bad("dot in name", "a.b = 5\n", 1, "expecting an assignment"),
                bad("non-ASCII name", "\u00e9 = 1\n", 1, "expecting a name"),
                bad("hex number", "max_clients = 0x10\n", 1, "expecting a separator"),
                bad("decimal point", "a = 1.5\n", 1, "expecting a separator"),
                bad("trailing garbage", "max_clients = 5 x\n", 1, "expecting a separator"),
                bad("vertical tab is not blank", "a = 1\u000b\n", 1, "expecting a separator"),
                bad("two strings", "a = \"x\"\"y\"\n", 1, "expecting a separator"),
                bad("six quotes at end of file", "a = \"\"\"\"\"\"", 1, "expecting a separator"),
                bad("garbage after semicolon", "max_clients = 5;x\n", 1, "expecting an assignment"),
                bad("two semicolons", "a = 1;;\n", 1, "expecting a name"),
                bad("minus alone", "a = -\n", 1, "unterminated number"),
                bad("plus alone", "a = +\n", 1, "unterminated number"),
                bad("minus at end of file", "a = -", 1, "unterminated number"),
                bad("unterminated double quote", "log_filters = \"abc\n", 1, "unterminated string"),
                bad("unterminated single quote", "log_filters = 'abc\n", 1, "unterminated string"),
                bad("single quote at end of file", "a = 'abc", 1, "unterminated string"),
                bad("CR inside double quotes", "a = \"ab\rcd\"\n", 1, "unterminated string"),
                bad("unterminated triple quote", "log_filters = \"\"\"abc\nxx\n", 2, "unterminated string"),
                bad("line count after triple quote", "a = \"\"\"\n\n\n\"\"\"\n\nb = \n", 6, "expecting a value"),
                bad("line count after CRLF", "max_clients = 5\r\nadmin_max_clients = x\r\n", 2, "expecting a value"),
                bad("CR alone does not count lines", "max_clients = 5\radmin_max_clients = x\r", 1,
                        "expecting a value"),
                bad("comment inside a list", "foo = [1, # c\n 2]\n", 1, "expecting a value"),
                bad("list without separator", "foo = [1 2]\n", 1, "expecting a separator in list"),
                bad("list missing comma on line 5", "a = [\n1,\n2,\n3\n4]\n", 5, "expecting a separator in list"),
                bad("list double comma", "a = [1,,2]\n", 1, "expecting a value"),
                bad("list leading comma", "a = [,1]\n", 1, "expecting a value"),
                bad("list unclosed", "foo = [1, 2\n", 2, "list is not closed with ]"),
                bad("list unclosed at end of file", "a = [1", 1, "list is not closed with ]"),
                bad("empty list unclosed", "a = [\n", 2, "list is not closed with ]"),
                bad("list ends after comma", "a = [1,", 1, "expecting a value"),
                bad("list ends after comma and newlines", "a = [1,\n\n", 3, "expecting a value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodInputs")
    void parsesGoodInput(String name, String input, Map<String, ConfValue> expected) throws ConfigException {
        assertEquals(expected, VirConfParser.parse(F, bytes(input)).entries());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputWithLibvirtsMessage(String name, String input, String expectedMessage) {
        ConfigException e = assertThrows(ConfigException.class, () -> VirConfParser.parse(F, bytes(input)));
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void keepsFileOrder() throws ConfigException {
        ConfFile conf = VirConfParser.parse(F, bytes("z = 1\na = 2\nm = 3\na = 4\n"));
        assertEquals(List.of("z", "a", "m"), List.copyOf(conf.entries().keySet()));
        assertEquals(F, conf.fileName());
    }

    @Test
    void numbersWrapModulo2To64LikeLibvirt() throws ConfigException {
        // 99999999999999999999 mod 2^64 = 7766279631452241919
        assertEquals(u(7766279631452241919L), parseOne("a = 99999999999999999999\n"));
        assertEquals(new ConfValue.Signed(Long.MIN_VALUE), parseOne("a = -9223372036854775808\n"));
    }

    @Test
    void invalidUtf8InStringBecomesReplacementCharacter() throws ConfigException {
        byte[] input = {'a', '=', '"', (byte) 0xff, 'x', '"'};
        assertEquals(s("\ufffdx"), VirConfParser.parse(F, input).entries().get("a"));
    }

    @Test
    void listNestingIsBounded() throws ConfigException {
        int max = VirConfParser.MAX_LIST_DEPTH;
        ConfValue deepest = parseOne("a = " + "[".repeat(max) + "]".repeat(max) + "\n");
        for (int i = 0; i < max - 1; i++) {
            deepest = ((ConfValue.ListOf) deepest).items().get(0);
        }
        assertEquals(list(), deepest);
        ConfigException e = assertThrows(ConfigException.class,
                () -> parseOne("a = " + "[".repeat(max + 1) + "]".repeat(max + 1) + "\n"));
        assertEquals(msg(1, "lists nested deeper than " + max), e.getMessage());
        ConfigException huge = assertThrows(ConfigException.class, () -> parseOne("a = " + "[".repeat(2_000_000)));
        assertEquals(msg(1, "lists nested deeper than " + max), huge.getMessage());
    }

    private static ConfValue parseOne(String input) throws ConfigException {
        return VirConfParser.parse(F, bytes(input)).entries().get("a");
    }

    private static Arguments good(String name, String input, Map<String, ConfValue> expected) {
        return Arguments.of(name, input, expected);
    }

    private static Arguments bad(String name, String input, int line, String what) {
        return Arguments.of(name, input, msg(line, what));
    }

    private static String msg(int line, String what) {
        return "configuration file syntax error: " + F + ":" + line + ": " + what;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ConfValue u(long bits) {
        return new ConfValue.Unsigned(bits);
    }

    static ConfValue s(String text) {
        return new ConfValue.Str(text);
    }

    static ConfValue list(ConfValue... items) {
        return new ConfValue.ListOf(List.of(items));
    }
}
