package org.duban.app.reporting.evidence;

import org.duban.api.reporting.EvidenceRef;
import org.duban.app.files.FileBytes;
import org.duban.app.security.DubanUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps evidence files (佐证材料) in the application's database, in the application's one transaction: a report
 * that refers to evidence and the evidence it refers to commit, roll back and back up together.
 */
@Service
public class EvidenceStore {
    private static final String REF_COLUMNS = "evidence_id, file_name, size, sha256, media_type";
    private static final RowMapper<EvidenceRef> REF = (rs, row) -> new EvidenceRef(rs.getString("evidence_id"),
            rs.getString("file_name"), rs.getLong("size"), rs.getString("sha256"), rs.getString("media_type"));

    private final JdbcTemplate jdbc;
    private final EvidenceFiles files;

    EvidenceStore(JdbcTemplate jdbc, EvidenceProperties properties) {
        this.jdbc = jdbc;
        this.files = new EvidenceFiles(properties.maxFileSize());
    }

    /**
     * Stores an uploaded file as evidence of the uploader's unit.
     *
     * @throws EvidenceRefused naming the file, what is wrong with it and what is accepted, and then nothing is stored
     */
    @Transactional
    public EvidenceRef store(String fileName, byte[] content, DubanUser uploader) {
        Objects.requireNonNull(uploader, "uploader");
        EvidenceFiles.Accepted file = files.check(fileName, content);
        EvidenceRef ref = new EvidenceRef(UUID.randomUUID().toString(), file.fileName(), content.length,
                FileBytes.sha256(content), file.type().mediaType());
        // microseconds: what both databases keep, so what is read back equals what was written
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        jdbc.update("insert into evidence (" + REF_COLUMNS + ", content, uploaded_by, uploaded_by_unit, uploaded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, ref.evidenceId());
            ps.setString(2, ref.fileName());
            ps.setLong(3, ref.size());
            ps.setString(4, ref.sha256());
            ps.setString(5, ref.mediaType());
            ps.setBytes(6, content);
            ps.setString(7, uploader.getUsername());
            ps.setString(8, uploader.unit());
            ps.setObject(9, now);
        });
        return ref;
    }

    @Transactional(readOnly = true)
    public Optional<StoredEvidence> find(String evidenceId) {
        return jdbc.query("select " + REF_COLUMNS + ", content, uploaded_by, uploaded_by_unit, uploaded_at "
                        + "from evidence where evidence_id = ?",
                (rs, row) -> new StoredEvidence(REF.mapRow(rs, row), rs.getString("uploaded_by"),
                        rs.getString("uploaded_by_unit"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                        rs.getBytes("content")),
                evidenceId).stream().findFirst();
    }

    /**
     * Checks the evidence a report refers to before it is submitted: every reference names a stored file, once,
     * with the same SHA-256.
     *
     * @return the stored references in the given order — what an event should carry, whatever else the caller sent
     * @throws IllegalArgumentException naming the first reference that is missing, repeated or does not match
     */
    @Transactional(readOnly = true)
    public List<EvidenceRef> verify(List<EvidenceRef> refs) {
        List<EvidenceRef> stored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < (refs == null ? 0 : refs.size()); i++) {
            EvidenceRef given = refs.get(i);
            String field = "evidence[" + i + "]";
            if (given == null || given.evidenceId() == null || given.evidenceId().isBlank()) {
                throw new IllegalArgumentException(field + ".evidenceId is required");
            }
            String id = given.evidenceId();
            if (!seen.add(id)) {
                throw new IllegalArgumentException(field + ": evidence " + id + " is listed more than once");
            }
            EvidenceRef found = jdbc.query("select " + REF_COLUMNS + " from evidence where evidence_id = ?", REF, id)
                    .stream().findFirst().orElseThrow(() -> new IllegalArgumentException(field + ": evidence " + id
                            + " does not exist; upload the file first"));
            if (given.sha256() == null || given.sha256().isBlank()) {
                throw new IllegalArgumentException(field + ".sha256 is required");
            }
            if (!found.sha256().equalsIgnoreCase(given.sha256().strip())) {
                throw new IllegalArgumentException(field + ": evidence " + id + " (" + found.fileName() + ") has SHA-256 "
                        + found.sha256() + ", not " + given.sha256());
            }
            stored.add(found);
        }
        return List.copyOf(stored);
    }
}
