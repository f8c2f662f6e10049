package org.virtlockd.itests.diff;

import java.util.HexFormat;

/** Hex for transcripts: 32-bit words separated by spaces, easy to read against the spec. */
final class WireHex {
    private WireHex() {
    }

    static String of(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes);
        StringBuilder b = new StringBuilder(hex.length() + hex.length() / 8);
        for (int i = 0; i < hex.length(); i += 8) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(hex, i, Math.min(hex.length(), i + 8));
        }
        return b.toString();
    }
}
