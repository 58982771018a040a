package org.duban.app.audit.chain;

import org.bouncycastle.crypto.Digest;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The hash of one chain link. The input is a canonical byte string (docs/AUDIT.md, "Encoding"):
 * <pre>
 *   bytes(prev_hash) int64(position) int64(global_index) text(event_identifier) text(aggregate_identifier)
 *   int64(sequence_number) text(type) text(payload_type) text(payload_revision) text(time_stamp)
 *   bytes(payload) bytes(meta_data)
 * </pre>
 * where {@code int64} is 8 bytes big-endian, {@code bytes(x)} is the length of x as 4 bytes big-endian followed
 * by x, {@code text(x)} is {@code bytes(UTF-8 of x)}, and a null value is the length -1 (ff ff ff ff) with no
 * bytes. Every variable field carries its length, so no two different rows encode to the same bytes.
 */
public final class ChainHash {
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** The previous hash of the first link: as many zero bytes as the algorithm's digest has. */
    public static byte[] genesis(HashAlgorithm algorithm) {
        return new byte[algorithm.digestLength()];
    }

    public static byte[] of(HashAlgorithm algorithm, byte[] previousHash, long position, ChainedEvent event) {
        Digest digest = algorithm.newDigest();
        bytes(digest, previousHash);
        int64(digest, position);
        int64(digest, event.globalIndex());
        text(digest, event.eventIdentifier());
        text(digest, event.aggregateIdentifier());
        int64(digest, event.sequenceNumber());
        text(digest, event.type());
        text(digest, event.payloadType());
        text(digest, event.payloadRevision());
        text(digest, event.timeStamp());
        bytes(digest, event.payload());
        bytes(digest, event.metaData());
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    /** The plain digest of {@code input}, for known-answer tests and outside tools. */
    public static byte[] digest(HashAlgorithm algorithm, byte[] input) {
        Digest digest = algorithm.newDigest();
        digest.update(input, 0, input.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    private static void int64(Digest digest, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }

    private static void int32(Digest digest, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }

    private static void bytes(Digest digest, byte[] value) {
        if (value == null) {
            int32(digest, -1);
            return;
        }
        int32(digest, value.length);
        digest.update(value, 0, value.length);
    }

    private static void text(Digest digest, String value) {
        bytes(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
