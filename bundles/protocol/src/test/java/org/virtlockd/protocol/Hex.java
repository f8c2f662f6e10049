package org.virtlockd.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte notation of the spec's Appendix A, for tests here and in the modules that depend on this one (test
 * jar): hex groups, "quoted ASCII", '|' separators, and comments from '#' to the end of the line.
 */
public final class Hex {
    private static final Pattern TOKEN = Pattern.compile("#[^\\n]*|\"([^\"]*)\"|([0-9a-fA-F]+)|(\\|)|(\\S+)");

    private Hex() {
    }

    /** @return the bytes the notation spells */
    public static byte[] parse(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = TOKEN.matcher(notation);
        while (m.find()) {
            if (m.group(1) != null) {
                out.writeBytes(m.group(1).getBytes(StandardCharsets.US_ASCII));
            } else if (m.group(2) != null) {
                out.writeBytes(HexFormat.of().parseHex(m.group(2)));
            } else if (m.group(4) != null) {
                throw new IllegalArgumentException("not a byte token: " + m.group(4));
            }
        }
        return out.toByteArray();
    }

    /** @return the bytes as space-separated hex pairs */
    public static String format(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
