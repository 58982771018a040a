package org.duban.app.reporting.evidence;

import io.swagger.v3.oas.annotations.Operation;
import org.duban.api.reporting.EvidenceRef;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.duban.app.security.WorkAccess;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Upload and download of evidence files (佐证材料), which progress reports refer to by {@link EvidenceRef}. */
@RestController
@RequestMapping("/api/evidence")
class EvidenceApi {
    private final EvidenceStore store;
    private final EvidenceProperties properties;
    private final WorkAccess access;

    EvidenceApi(EvidenceStore store, EvidenceProperties properties, MultipartProperties multipart, WorkAccess access) {
        this.store = store;
        this.properties = properties;
        this.access = access;
        // A file just over the evidence limit must reach the store's check, which names that limit and what is
        // accepted; a servlet limit at or below it would cut the upload off first with a bare "too large".
        for (DataSize servletLimit : List.of(multipart.getMaxFileSize(), multipart.getMaxRequestSize())) {
            if (servletLimit.toBytes() >= 0 && servletLimit.compareTo(properties.maxFileSize()) <= 0) {
                throw new IllegalStateException("duban.evidence.max-file-size ("
                        + EvidenceFiles.size(properties.maxFileSize().toBytes()) + ") must be smaller than "
                        + "spring.servlet.multipart.max-file-size (" + EvidenceFiles.size(multipart.getMaxFileSize().toBytes())
                        + ") and max-request-size (" + EvidenceFiles.size(multipart.getMaxRequestSize().toBytes()) + ")");
            }
        }
    }

    @Operation(summary = "Upload an evidence file (multipart field \"file\")",
            description = "Accepts PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), OFD and UTF-8 text files whose "
                    + "extension and content agree, up to duban.evidence.max-file-size (10 MB by default), without "
                    + "active content (PDF scripts and actions, markup that makes a file a web page too, Office macros, "
                    + "archives that unpack past the import's bound). Answers 201 "
                    + "with the reference a report cites; 400 naming the file, the problem and what is accepted; 413 "
                    + "for a file over the limit.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('UNIT_USER', 'SUPERVISOR', 'ADMIN')")
    ResponseEntity<EvidenceRef> upload(@RequestPart("file") MultipartFile file, @AuthenticationPrincipal DubanUser user) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        EvidenceRef ref = store.store(file.getOriginalFilename(), content, user);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(ref.evidenceId()).toUri()).body(ref);
    }

    @Operation(summary = "Download an evidence file",
            description = "Readable by the uploader's unit, administrators, auditors and evaluators, and by whoever may "
                    + "read a task whose report or contribution cites it (its units and its plan's supervisors).")
    @GetMapping("/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable String evidenceId, @AuthenticationPrincipal DubanUser user) {
        StoredEvidence evidence = readable(evidenceId, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.ref().mediaType()))
                .contentLength(evidence.content().length)
                // attachment, never inline, and no sniffing: a stored file is shown by the reader's own program
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(evidence.ref().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(evidence.content());
    }

    @Operation(summary = "The reference of an evidence file (id, name, size, SHA-256, media type)")
    @GetMapping("/{evidenceId}/ref")
    EvidenceRef ref(@PathVariable String evidenceId, @AuthenticationPrincipal DubanUser user) {
        return readable(evidenceId, user).ref();
    }

    private StoredEvidence readable(String evidenceId, DubanUser user) {
        StoredEvidence evidence = store.find(evidenceId)
                .orElseThrow(() -> new NotFound("evidence " + evidenceId + " does not exist"));
        if (!evidence.readableBy(user) && store.tasksCiting(evidenceId).stream().noneMatch(taskId -> access.mayRead(access.task(taskId), user))) {
            throw new AccessDeniedException("evidence " + evidenceId + " belongs to another unit and is not cited in "
                    + "work you may read");
        }
        return evidence;
    }

    /** Refusals answer 400, or 413 for a file over the limit, with the file's name and what is accepted. */
    @ExceptionHandler(EvidenceRefused.class)
    ProblemDetail refused(EvidenceRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("file", e.fileName());
        problem.setProperty("accepted", Arrays.stream(EvidenceType.values()).flatMap(t -> t.extensions().stream())
                .map(extension -> "." + extension).toList());
        problem.setProperty("maxFileSize", EvidenceFiles.size(properties.maxFileSize().toBytes()));
        return problem;
    }
}
