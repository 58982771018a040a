package org.duban.app.reporting.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names of a zip's central directory, which Office and OFD readers follow, while {@link java.util.zip.ZipInputStream}
 * reads the entries in file order: a part listed only in one of them is a part the check did not see.
 */
final class ZipDirectory {
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;

    private ZipDirectory() {
    }

    /** The names, or null if there is no readable directory ending the file exactly (data after it, Zip64, damage). */
    static List<String> names(byte[] zip) {
        int end = -1;
        for (int at = zip.length - END_SIZE; at >= Math.max(0, zip.length - END_SIZE - MAX_COMMENT); at--) {
            if (signature(zip, at, 0x06054b50) && at + END_SIZE + u16(zip, at + 20) == zip.length) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        int count = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
            return null; // Zip64: documents within the evidence size never need it
        }
        List<String> names = new ArrayList<>(count);
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < count; n++) {
            if (at < 0 || at + 46 > end || !signature(zip, at, 0x02014b50)) {
                return null;
            }
            boolean utf8 = (u16(zip, at + 8) & 0x0800) != 0;
            int nameLength = u16(zip, at + 28);
            int next = at + 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
            if (next > end) {
                return null;
            }
            names.add(new String(zip, at + 46, nameLength, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            at = next;
        }
        return names;
    }

    private static boolean signature(byte[] zip, int at, long signature) {
        return at >= 0 && at + 4 <= zip.length && u32(zip, at) == signature;
    }

    private static int u16(byte[] zip, int at) {
        return (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] zip, int at) {
        return u16(zip, at) | (long) u16(zip, at + 2) << 16;
    }
}
