package org.duban.app.audit.chain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainAnchorFileTest {
    private static final String SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
    private static final String SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final OffsetDateTime T1 = OffsetDateTime.of(2026, 11, 30, 20, 15, 3, 123_000_000, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void each_verified_head_is_one_line_that_can_be_read_by_hand() throws IOException {
        ChainAnchorFile anchors = anchors(dir.resolve("sub/audit-anchors.log"));

        assertThat(anchors.append(head(7, SM3_ABC, "SM3"), T1)).isPresent();
        assertThat(anchors.append(head(12, SHA_ABC, "SHA-256"), T1.plusHours(1))).isPresent();

        List<String> lines = Files.readAllLines(dir.resolve("sub/audit-anchors.log"));
        assertThat(lines).filteredOn(line -> !line.startsWith("#")).containsExactly(
                "2026-11-30T20:15:03.123Z 7:" + SM3_ABC + " SM3",
                "2026-11-30T21:15:03.123Z 12:" + SHA_ABC + " SHA-256");
        assertThat(lines.get(0)).startsWith("# Duban audit chain anchors");
        ChainAnchorFile.Reading reading = anchors.read();
        assertThat(reading.present()).isTrue();
        assertThat(reading.warnings()).isEmpty();
        assertThat(reading.last()).isEqualTo(new ChainAnchor(12, SHA_ABC, "SHA-256", T1.plusHours(1)));
        assertThat(reading.last().reference()).isEqualTo("12:" + SHA_ABC);
    }

    @Test
    void a_head_at_or_before_the_last_anchor_is_not_written_again() throws IOException {
        ChainAnchorFile anchors = anchors(dir.resolve("a.log"));
        anchors.append(head(12, SM3_ABC, "SM3"), T1);
        long size = Files.size(dir.resolve("a.log"));

        assertThat(anchors.append(head(12, SM3_ABC, "SM3"), T1.plusHours(1))).isEmpty();
        assertThat(anchors.append(head(9, SHA_ABC, "SHA-256"), T1.plusHours(2))).isEmpty();
        assertThat(anchors.append(head(0, null, null), T1.plusHours(3))).isEmpty();
        assertThat(Files.size(dir.resolve("a.log"))).isEqualTo(size);
    }

    @Test
    void a_missing_file_is_a_warning_and_the_first_anchor_starts_it() throws IOException {
        Path file = dir.resolve("missing.log");
        ChainAnchorFile anchors = anchors(file);

        ChainAnchorFile.Reading reading = anchors.read();
        assertThat(reading.present()).isFalse();
        assertThat(reading.last()).isNull();
        assertThat(reading.warnings()).singleElement().asString().contains(file.toString()).contains("does not exist");

        anchors.append(head(3, SM3_ABC, "SM3"), T1);
        assertThat(Files.readString(file)).contains("# file started ");
        assertThat(anchors.read().last().position()).isEqualTo(3);
    }

    @Test
    void a_line_torn_by_a_crash_is_ignored_and_the_anchor_before_it_counts() throws IOException {
        Path file = dir.resolve("torn.log");
        ChainAnchorFile anchors = anchors(file);
        anchors.append(head(7, SM3_ABC, "SM3"), T1);
        String torn = "2026-11-30T21:15:03.123Z 12:" + SHA_ABC.substring(0, 20);
        Files.writeString(file, torn, StandardOpenOption.APPEND);

        ChainAnchorFile.Reading reading = anchors.read();
        assertThat(reading.last().position()).isEqualTo(7);
        assertThat(reading.warnings()).singleElement().asString().contains("incomplete").contains(torn);

        // the next anchor starts a line of its own; the torn one stays behind, ignored without a warning
        anchors.append(head(12, SHA_ABC, "SHA-256"), T1.plusHours(2));
        assertThat(Files.readAllLines(file)).contains(torn);
        reading = anchors.read();
        assertThat(reading.last()).isEqualTo(new ChainAnchor(12, SHA_ABC, "SHA-256", T1.plusHours(2)));
        assertThat(reading.warnings()).isEmpty();
    }

    @Test
    void a_complete_line_without_its_line_feed_counts_as_torn() throws IOException {
        Path file = dir.resolve("nolf.log");
        ChainAnchorFile anchors = anchors(file);
        anchors.append(head(7, SM3_ABC, "SM3"), T1);
        Files.writeString(file, "2026-11-30T21:15:03Z 12:" + SM3_ABC + " SM3", StandardOpenOption.APPEND);

        assertThat(anchors.read().last().position()).isEqualTo(7);
        assertThat(anchors.read().warnings()).singleElement().asString().contains("incomplete");
    }

    @Test
    void lines_that_are_not_anchors_after_the_last_one_are_named_and_skipped() throws IOException {
        Path file = dir.resolve("bad.log");
        Files.writeString(file, String.join("\n",
                "# a comment",
                "2026-11-30T20:15:03Z 7:" + SM3_ABC + " SM3",
                "2026-11-30T21:15:03Z 12:" + SM3_ABC + " MD5",
                "2026-11-30T21:15:03Z 12:" + SM3_ABC + " SHA-1",
                "2026-11-30T21:15:03Z 12:" + SM3_ABC.substring(2) + " SM3",
                "2026-11-30T21:15:03Z 12:" + SM3_ABC.toUpperCase() + " SM3",
                "yesterday 12:" + SM3_ABC + " SM3",
                "2026-11-30T21:15:03Z 0:" + SM3_ABC + " SM3",
                "2026-11-30T21:15:03Z " + SM3_ABC + " SM3",
                ""));

        ChainAnchorFile.Reading reading = anchors(file).read();

        assertThat(reading.last().position()).isEqualTo(7);
        assertThat(reading.warnings()).hasSize(7);
        assertThat(reading.warnings().get(0)).contains("line 3").contains("unknown hash algorithm \"MD5\"");
        assertThat(reading.warnings().get(1)).contains("line 4").contains("SHA-1");
        assertThat(reading.warnings().get(2)).contains("line 5").contains("not a SM3 hash");
        assertThat(reading.warnings().get(3)).contains("line 6").contains("lower-case");
        assertThat(reading.warnings().get(4)).contains("line 7").contains("\"yesterday\" is not a time");
        assertThat(reading.warnings().get(5)).contains("line 8").contains("positions start at 1");
        assertThat(reading.warnings().get(6)).contains("line 9").contains("not <position>:<hash>");
    }

    @Test
    void an_algorithm_whose_digest_length_does_not_fit_the_hash_is_refused() {
        assertThatThrownBy(() -> ChainAnchor.parse("2026-11-30T20:15:03Z 7:" + SM3_ABC.substring(0, 40) + " SHA-256"))
                .hasMessageContaining("not a SHA-256 hash");
        assertThat(ChainAnchor.parse("2026-11-30T20:15:03+08:00 7:" + SM3_ABC + " SHA-256").anchoredAt())
                .isEqualTo(OffsetDateTime.of(2026, 11, 30, 12, 15, 3, 0, ZoneOffset.UTC));
    }

    @Test
    void a_file_that_holds_no_anchor_or_cannot_be_read_is_a_warning_not_an_error() throws IOException {
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, ChainAnchorFile.HEADER);
        assertThat(anchors(empty).read().warnings()).singleElement().asString().contains("holds no anchor");

        Path directory = Files.createDirectory(dir.resolve("a-directory.log"));
        ChainAnchorFile anchors = anchors(directory);
        ChainAnchorFile.Reading reading = anchors.read();
        assertThat(reading.present()).isFalse();
        assertThat(reading.last()).isNull();
        assertThat(reading.warnings()).singleElement().asString().contains("cannot be read");
        assertThatThrownBy(() -> anchors.append(head(3, SM3_ABC, "SM3"), T1)).isInstanceOf(IOException.class);

        ChainAnchorFile unconfigured = new ChainAnchorFile(properties(null));
        assertThat(unconfigured.read().warnings()).singleElement().asString().contains("duban.audit.anchor.file");
        assertThat(unconfigured.append(head(3, SM3_ABC, "SM3"), T1)).isEmpty();
    }

    @Test
    void lines_already_written_are_never_rewritten() throws IOException {
        Path file = dir.resolve("keep.log");
        String before = "# 审计锚点\n2026-11-30T20:15:03Z 7:" + SM3_ABC + " SM3\n";
        Files.writeString(file, before, StandardCharsets.UTF_8);
        anchors(file).append(head(8, SM3_ABC, "SM3"), T1);
        assertThat(Files.readString(file)).startsWith(before);
    }

    private static ChainHead head(long position, String hash, String algorithm) {
        return new ChainHead(position, position, hash, algorithm, T1);
    }

    private static ChainAnchorFile anchors(Path file) {
        return new ChainAnchorFile(properties(file));
    }

    private static AuditProperties properties(Path file) {
        return new AuditProperties(HashAlgorithm.SM3, new AuditProperties.Verification(Duration.ZERO,
                Duration.ZERO, 500), new AuditProperties.Anchor(file));
    }
}
