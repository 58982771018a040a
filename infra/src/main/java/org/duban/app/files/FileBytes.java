package org.duban.app.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small facts about uploaded bytes that more than one feature needs: magic numbers and fingerprints. */
public final class FileBytes {
    /**
     * What an archive (a .docx, .xlsx or .ofd, evidence or a plan table) may unpack to: at most 256 MB in all, and
     * past its first 10 MB at most 100 times its own size. Real documents stay far below; a zip bomb does not.
     */
    public static final long MAX_INFLATED = 256L * 1024 * 1024;
    public static final int MAX_INFLATE_RATIO = 100;
    private static final long INFLATE_RATIO_GRACE = 10L * 1024 * 1024;

    private FileBytes() {
    }

    /** Whether an archive of this size that has unpacked to so many bytes so far is past the bounds above. */
    public static boolean inflatesTooMuch(long inflated, long archiveSize) {
        return inflated > MAX_INFLATED
                || inflated > INFLATE_RATIO_GRACE && inflated / Math.max(1, archiveSize) > MAX_INFLATE_RATIO;
    }

    /** Whether the content begins with these byte values (given as 0–255, so magic numbers read as documented). */
    public static boolean startsWith(byte[] content, int... magic) {
        return hasAt(content, 0, magic);
    }

    /** Whether these byte values stand at the offset, as signatures found through a header's pointer do. */
    public static boolean hasAt(byte[] content, int offset, int... magic) {
        if (offset < 0 || content.length - offset < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex SHA-256, the fingerprint recorded for imported files and evidence. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
