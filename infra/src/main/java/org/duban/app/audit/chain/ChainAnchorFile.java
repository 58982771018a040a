package org.duban.app.audit.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only file of verified heads ({@code duban.audit.anchor.file}), outside the database: whoever
 * rewrites the database alone cannot make it agree. One {@link ChainAnchor} a line; lines starting with
 * {@code #} are comments. Each anchor is written with one {@code write} and forced to the disk before the call
 * returns; a line cut off by a crash is recognised and ignored (it has no line feed, or does not parse).
 * Nothing is ever rewritten or truncated, so the file may live on an append-only file system ({@code chattr +a}).
 */
@Component
public class ChainAnchorFile {
    private static final Logger log = LoggerFactory.getLogger(ChainAnchorFile.class);
    static final String HEADER = """
            # Duban audit chain anchors: heads verified intact, appended only, one a line:
            # <anchored at, UTC> <position>:<hash> <algorithm>
            # Check a line by hand: GET /api/audit/chain/verification?head=<position>:<hash>, or compare <hash> with
            # audit_chain_link.hash at <position>. See docs/AUDIT.md.
            """;

    private final Path file;

    public ChainAnchorFile(AuditProperties properties) {
        this.file = properties.anchor().file() == null ? null : properties.anchor().file().toAbsolutePath().normalize();
    }

    /**
     * What the file says, for one verification.
     *
     * @param file     the file read; null when none is configured
     * @param last     the last well-formed anchor; null when there is none
     * @param present  the file exists and could be read
     * @param warnings what is wrong with the file: missing, unreadable, a torn or malformed line after the last anchor
     */
    public record Reading(Path file, ChainAnchor last, boolean present, List<String> warnings) {
        public Reading {
            warnings = List.copyOf(warnings);
        }
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Reads the file; never throws, a problem with the file is a warning of the reading. */
    public synchronized Reading read() {
        if (file == null) {
            return new Reading(null, null, false, List.of("no anchor file is configured (duban.audit.anchor.file)"));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Reading(file, null, false, List.of("the anchor file " + file + " does not exist"));
        } catch (IOException | RuntimeException e) {
            return new Reading(file, null, false, List.of("the anchor file " + file + " cannot be read: " + e));
        }
        return parse(file, new String(content, StandardCharsets.UTF_8));
    }

    static Reading parse(Path file, String content) {
        List<String> warnings = new ArrayList<>();
        ChainAnchor last = null;
        String[] lines = content.split("\n", -1);
        // the piece after the last line feed is empty, or a line that a crash cut off while it was written
        int complete = lines.length - 1;
        for (int i = 0; i < complete; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                last = ChainAnchor.parse(line);
                warnings.clear(); // only what follows the anchor in use matters
            } catch (IllegalArgumentException e) {
                warnings.add("line " + (i + 1) + " of the anchor file " + file + " is not an anchor and was ignored: "
                        + e.getMessage() + ": \"" + abbreviate(line) + "\"");
            }
        }
        String torn = lines[complete];
        if (!torn.isBlank()) {
            warnings.add("the last line of the anchor file " + file + " is incomplete (cut off while it was written?) "
                    + "and was ignored: \"" + abbreviate(torn) + "\"");
        }
        if (last == null && warnings.isEmpty()) {
            warnings.add("the anchor file " + file + " holds no anchor");
        }
        return new Reading(file, last, true, warnings);
    }

    /**
     * Appends the head of an intact verification, unless the file's last anchor is already at that position
     * or beyond (so that two verifications finishing out of order never anchor an older head last).
     *
     * @return the anchor written, empty when nothing was written
     * @throws IOException when the file cannot be written; the caller warns, the chain is not at fault
     */
    public synchronized Optional<ChainAnchor> append(ChainHead head, OffsetDateTime verifiedAt) throws IOException {
        if (file == null || head.position() < 1) {
            return Optional.empty();
        }
        Reading now = read();
        boolean created = !Files.exists(file);
        if (!now.present() && !created) {
            throw new IOException("the anchor file " + file + " exists but cannot be read; nothing is appended to it");
        }
        if (now.last() != null && now.last().position() >= head.position()) {
            return Optional.empty();
        }
        ChainAnchor anchor = ChainAnchor.of(head, verifiedAt);
        StringBuilder text = new StringBuilder();
        if (created) {
            Files.createDirectories(file.getParent());
            text.append(HEADER).append("# file started ")
                    .append(DateTimeFormatter.ISO_INSTANT.format(anchor.anchoredAt())).append('\n');
        } else if (!endsWithLineFeed()) {
            text.append('\n'); // the torn line stays a line of its own, ignored
        }
        text.append(anchor.line()).append('\n');
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        if (created) {
            syncDirectory();
            log.warn("audit chain: anchor file {} started at position {}", file, anchor.position());
        }
        return Optional.of(anchor);
    }

    private boolean endsWithLineFeed() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    /** The new file's name must survive a crash too; not every platform can open a directory, which is fine. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | RuntimeException e) {
            log.debug("could not sync the directory of {}", file, e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
