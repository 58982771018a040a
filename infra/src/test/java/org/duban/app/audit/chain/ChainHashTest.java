package org.duban.app.audit.chain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainHashTest {
    private static final ChainedEvent EVENT = new ChainedEvent(42, "0f8e-event", "plan-7", 3,
            "Plan", "org.duban.api.plan.PlanPublished", "1", "2025-03-01T08:00:00.123Z",
            "{\"planId\":\"plan-7\"}".getBytes(StandardCharsets.UTF_8),
            "{\"actorUser\":\"supervisor\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void sm3_gives_the_known_answers_of_gb_t_32905() {
        assertThat(ChainHash.hex(ChainHash.digest(HashAlgorithm.SM3, "abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(ChainHash.hex(ChainHash.digest(HashAlgorithm.SM3, "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sha_256_gives_the_known_answer_of_fips_180() {
        assertThat(ChainHash.hex(ChainHash.digest(HashAlgorithm.SHA_256, "abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /** The encoding written out by hand as docs/AUDIT.md describes it, hashed as one byte string. */
    @Test
    void a_link_hash_is_the_digest_of_the_documented_encoding() throws IOException {
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            byte[] previous = ChainHash.digest(algorithm, "previous".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes); // big-endian
            out.writeInt(previous.length);
            out.write(previous);
            out.writeLong(17);
            out.writeLong(EVENT.globalIndex());
            for (String text : new String[]{EVENT.eventIdentifier(), EVENT.aggregateIdentifier()}) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeLong(EVENT.sequenceNumber());
            for (String text : new String[]{EVENT.type(), EVENT.payloadType(), EVENT.payloadRevision(), EVENT.timeStamp()}) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            out.writeInt(EVENT.payload().length);
            out.write(EVENT.payload());
            out.writeInt(EVENT.metaData().length);
            out.write(EVENT.metaData());

            assertThat(ChainHash.of(algorithm, previous, 17, EVENT))
                    .isEqualTo(ChainHash.digest(algorithm, bytes.toByteArray()));
        }
    }

    @Test
    void null_and_empty_fields_and_shifted_field_boundaries_hash_differently() {
        byte[] previous = ChainHash.genesis(HashAlgorithm.SM3);
        byte[] original = ChainHash.of(HashAlgorithm.SM3, previous, 1, EVENT);
        ChainedEvent emptyMetadata = new ChainedEvent(42, "0f8e-event", "plan-7", 3, "Plan",
                EVENT.payloadType(), "1", EVENT.timeStamp(), EVENT.payload(), new byte[0]);
        ChainedEvent noMetadata = new ChainedEvent(42, "0f8e-event", "plan-7", 3, "Plan",
                EVENT.payloadType(), "1", EVENT.timeStamp(), EVENT.payload(), null);
        // the same characters, one moved from the event id into the aggregate id
        ChainedEvent shifted = new ChainedEvent(42, "0f8e-even", "tplan-7", 3, "Plan",
                EVENT.payloadType(), "1", EVENT.timeStamp(), EVENT.payload(), EVENT.metaData());

        assertThat(ChainHash.of(HashAlgorithm.SM3, previous, 1, emptyMetadata))
                .isNotEqualTo(ChainHash.of(HashAlgorithm.SM3, previous, 1, noMetadata))
                .isNotEqualTo(original);
        assertThat(ChainHash.of(HashAlgorithm.SM3, previous, 1, shifted)).isNotEqualTo(original);
        assertThat(ChainHash.of(HashAlgorithm.SM3, previous, 2, EVENT)).as("the position is covered").isNotEqualTo(original);
        assertThat(ChainHash.of(HashAlgorithm.SHA_256, previous, 1, EVENT)).isNotEqualTo(original);
    }

    @Test
    void algorithms_are_known_by_their_stored_names() {
        assertThat(HashAlgorithm.ofLabel("SM3")).isEqualTo(HashAlgorithm.SM3);
        assertThat(HashAlgorithm.ofLabel("SHA-256")).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(ChainHash.genesis(HashAlgorithm.SM3)).hasSize(32).containsOnly(0);
        assertThatThrownBy(() -> HashAlgorithm.ofLabel("MD5")).hasMessageContaining("MD5");
    }
}
