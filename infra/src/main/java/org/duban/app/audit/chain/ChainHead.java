package org.duban.app.audit.chain;

import java.time.OffsetDateTime;

/**
 * The last link of the chain, as {@code audit_chain_head} records it. Recorded outside the system (printed,
 * signed, sent to another office), {@code position:hash} later proves that nothing up to that link changed.
 *
 * @param position    the last link's position; 0 for an empty chain
 * @param globalIndex the last linked event's global index in the event store
 * @param hash        the last link's hash, hex
 * @param algorithm   the last link's hash algorithm
 * @param updatedAt   when the head last moved
 */
public record ChainHead(long position, Long globalIndex, String hash, String algorithm, OffsetDateTime updatedAt) {

    /** The form {@code ?head=} and the command line take back. */
    public String reference() {
        return position + ":" + hash;
    }
}
