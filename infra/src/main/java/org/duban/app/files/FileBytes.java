package org.duban.app.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small facts about uploaded bytes that more than one feature needs: magic numbers and fingerprints. */
public final class FileBytes {
    private FileBytes() {
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
