package org.duban.app.reporting.evidence;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Limits;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.FindTasksCitingEvidence;
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
    private final QueryGateway queries;

    EvidenceStore(JdbcTemplate jdbc, EvidenceProperties properties, QueryGateway queries) {
        this.jdbc = jdbc;
        this.files = new EvidenceFiles(properties.maxFileSize());
        this.queries = queries;
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
     * Checks the evidence a report, draft or contribution of a task cites before it is stored: every reference names
     * a stored file, once, with the same SHA-256, that the citing user's unit {@linkplain #citable may cite there}.
     *
     * @return the stored references in the given order — what an event should carry, whatever else the caller sent
     * @throws IllegalArgumentException naming the first reference that is missing, repeated, does not match or may
     *                                  not be cited
     */
    @Transactional(readOnly = true)
    public List<EvidenceRef> verify(List<EvidenceRef> refs, String taskId, DubanUser citer) {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(citer, "citer");
        if (refs != null && refs.size() > Limits.EVIDENCE_FILES) {
            throw new IllegalArgumentException("evidence: " + refs.size() + " files are cited; at most "
                    + Limits.EVIDENCE_FILES + " are accepted");
        }
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
            Cited found = jdbc.query("select " + REF_COLUMNS + ", uploaded_by_unit from evidence where evidence_id = ?",
                            (rs, row) -> new Cited(REF.mapRow(rs, row), rs.getString("uploaded_by_unit")), id)
                    .stream().findFirst().orElseThrow(() -> new IllegalArgumentException(field + ": evidence " + id
                            + " does not exist; upload the file first"));
            if (given.sha256() == null || given.sha256().isBlank()) {
                throw new IllegalArgumentException(field + ".sha256 is required");
            }
            // before the fingerprint, whose answer names the file and its SHA-256
            if (!citable(found, taskId, citer)) {
                throw new IllegalArgumentException(field + ": evidence " + id + " was uploaded by another unit and is "
                        + "not cited in task " + taskId + "; a report or contribution cites the files of its own unit "
                        + "and files already cited in the same task's reports and contributions");
            }
            if (!found.ref().sha256().equalsIgnoreCase(given.sha256().strip())) {
                throw new IllegalArgumentException(field + ": evidence " + id + " (" + found.ref().fileName()
                        + ") has SHA-256 " + found.ref().sha256() + ", not " + given.sha256());
            }
            stored.add(found.ref());
        }
        return List.copyOf(stored);
    }

    private record Cited(EvidenceRef ref, String uploadedByUnit) {
    }

    /**
     * Evidence is cited only where it may be read: a unit cites the files it uploaded, and files already cited in the
     * same task (its reports, drafts and contributions), which everyone who reads that task reads already
     * ({@code EvidenceApi}). Citing anything else would hand another unit's file to whoever reads the citing task.
     */
    private boolean citable(Cited evidence, String taskId, DubanUser citer) {
        return evidence.uploadedByUnit() != null && evidence.uploadedByUnit().equals(citer.unit())
                || tasksCiting(evidence.ref().evidenceId()).contains(taskId);
    }

    /** The tasks whose reports, drafts or contributions cite the file. */
    List<String> tasksCiting(String evidenceId) {
        return queries.query(new FindTasksCitingEvidence(evidenceId), ResponseTypes.multipleInstancesOf(String.class))
                .join();
    }
}
