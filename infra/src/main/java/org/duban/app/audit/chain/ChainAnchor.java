package org.duban.app.audit.chain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A verified head written outside the database: one line of the anchor file,
 * {@code <anchored at, UTC> <position>:<hash> <algorithm>}, e.g.
 * {@code 2026-11-30T20:15:03.123Z 1234:66c7f0f4…8e0 SM3}. The middle field is what {@code ?head=} and
 * {@code --duban.audit.verify.head=} take, so a line can be checked by hand.
 *
 * @param position   the anchored link's position (at least 1)
 * @param hash       its hash, lower-case hex
 * @param algorithm  its algorithm's label, {@code SM3} or {@code SHA-256}
 * @param anchoredAt when the head was verified and written down
 */
public record ChainAnchor(long position, String hash, String algorithm, OffsetDateTime anchoredAt) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    static ChainAnchor of(ChainHead head, OffsetDateTime verifiedAt) {
        return new ChainAnchor(head.position(), head.hash(), head.algorithm(),
                verifiedAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    /** {@code position:hash}, as {@code ?head=} takes it. */
    public String reference() {
        return position + ":" + hash;
    }

    /** The line written to the file, without its line feed. */
    String line() {
        return TIME.format(anchoredAt) + " " + reference() + " " + algorithm;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    static ChainAnchor parse(String line) {
        String[] fields = line.split(" ", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("not of the form <time> <position>:<hash> <algorithm>");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(fields[0], DateTimeFormatter.ISO_OFFSET_DATE_TIME).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + fields[0] + "\" is not a time such as 2026-11-30T20:15:03Z");
        }
        HashAlgorithm algorithm = HashAlgorithm.ofLabel(fields[2]);
        int colon = fields[1].indexOf(':');
        long position;
        try {
            position = Long.parseLong(fields[1].substring(0, Math.max(colon, 0)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + fields[1] + "\" is not <position>:<hash>");
        }
        if (position < 1) {
            throw new IllegalArgumentException("position " + position + " is not a link (positions start at 1)");
        }
        String hash = fields[1].substring(colon + 1);
        if (hash.length() != 2 * algorithm.digestLength() || !hash.chars().allMatch(HexFormat::isHexDigit)
                || !hash.equals(hash.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("\"" + hash + "\" is not a " + algorithm + " hash (" + 2 * algorithm.digestLength()
                    + " lower-case hex digits)");
        }
        return new ChainAnchor(position, hash, algorithm.label(), at);
    }
}
