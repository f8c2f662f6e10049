package org.virtlockd.lockprogram.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The spec's byte notation: hex groups and "quoted ASCII", anything after '#' on a line is a comment. */
final class Hex {

    private static final Pattern TOKEN = Pattern.compile("#[^\\n]*|\"([^\"]*)\"|([0-9a-fA-F]+)|(\\S+)");

    private Hex() {
    }

    static byte[] parse(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher m = TOKEN.matcher(notation);
        while (m.find()) {
            if (m.group(1) != null) {
                out.writeBytes(m.group(1).getBytes(StandardCharsets.US_ASCII));
            } else if (m.group(2) != null) {
                out.writeBytes(HexFormat.of().parseHex(m.group(2)));
            } else if (m.group(3) != null) {
                throw new IllegalArgumentException("not a byte token: " + m.group(3));
            }
        }
        return out.toByteArray();
    }

    static String format(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
