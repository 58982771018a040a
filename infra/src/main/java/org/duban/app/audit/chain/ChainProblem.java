package org.duban.app.audit.chain;

/**
 * One place where the chain does not hold. Event fields are those of the link or of the stored row, whichever is
 * known; a problem of the head has no event.
 */
public record ChainProblem(Kind kind, Long position, Long globalIndex, String eventIdentifier,
                           String aggregateIdentifier, Long sequenceNumber, String detail) {

    public enum Kind {
        /** the stored event's fields no longer give the link's hash: payload, metadata or another field edited */
        HASH_MISMATCH,
        /** a link points to a global index where no event is stored: the event was deleted */
        EVENT_MISSING,
        /** the event stored at the link's global index is another event: events swapped or replaced */
        EVENT_REPLACED,
        /** a link's previous hash is not the hash of the link before it: a link was rewritten or inserted */
        LINK_BROKEN,
        /** positions are missing from the chain: links deleted */
        LINK_MISSING,
        /** a link names an algorithm this version does not know */
        UNKNOWN_ALGORITHM,
        /** an event is stored that is not on the chain: forged, or its link deleted */
        UNCHAINED_EVENT,
        /** the head names a later position than the last link: the tail was cut off */
        TAIL_TRUNCATED,
        /** the head and the last link disagree, or links lie beyond the head */
        HEAD_MISMATCH,
        /** the head row is gone */
        HEAD_MISSING,
        /** a head recorded earlier (?head=position:hash) is not on the chain any more */
        EXPECTED_HEAD_NOT_ON_CHAIN,
        /** the last head of the anchor file is not on the chain any more: the tail cut off, or the chain rewritten */
        ANCHORED_HEAD_NOT_ON_CHAIN
    }

    static ChainProblem ofHead(Kind kind, Long position, String detail) {
        return new ChainProblem(kind, position, null, null, null, null, detail);
    }

    /** One line for logs and the command line. */
    public String describe() {
        StringBuilder line = new StringBuilder(kind.name());
        if (position != null) {
            line.append(" at position ").append(position);
        }
        if (eventIdentifier != null) {
            line.append(", event ").append(eventIdentifier);
        }
        if (aggregateIdentifier != null) {
            line.append(", aggregate ").append(aggregateIdentifier).append(" #").append(sequenceNumber);
        }
        if (globalIndex != null) {
            line.append(", global index ").append(globalIndex);
        }
        return line.append(": ").append(detail).toString();
    }
}
