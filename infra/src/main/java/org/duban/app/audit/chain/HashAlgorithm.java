package org.duban.app.audit.chain;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The digests a chain link may use. Each link records the name of its algorithm, so a chain stays verifiable
 * after {@code duban.audit.hash-algorithm} is changed: older links keep theirs.
 */
public enum HashAlgorithm {
    /** GB/T 32905-2016, the Chinese national standard hash; the default. */
    SM3("SM3", SM3Digest::new),
    SHA_256("SHA-256", SHA256Digest::new);

    private final String label;
    private final Supplier<Digest> digests;

    HashAlgorithm(String label, Supplier<Digest> digests) {
        this.label = label;
        this.digests = digests;
    }

    /** The name stored in {@code audit_chain_link.algorithm} and shown by the API. */
    public String label() {
        return label;
    }

    public Digest newDigest() {
        return digests.get();
    }

    public int digestLength() {
        return newDigest().getDigestSize();
    }

    public static HashAlgorithm ofLabel(String label) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown hash algorithm \"" + label
                        + "\"; known are SM3 and SHA-256"));
    }

    @Override
    public String toString() {
        return label;
    }
}
