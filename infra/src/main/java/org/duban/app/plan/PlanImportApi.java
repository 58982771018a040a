package org.duban.app.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.duban.app.plan.importing.ImportReport;
import org.duban.app.plan.importing.PlanImporter;
import org.duban.app.security.DubanUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** Imports a plan from an uploaded .xlsx, .docx or .csv table. */
@RestController
@RequestMapping("/api/plans/imports")
class PlanImportApi {
    private final PlanImporter importer;

    PlanImportApi(PlanImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "Import a plan from a table file (.xlsx, .docx, .csv in UTF-8 or GB18030)",
            description = "Answers 201 with the report when the plan was created, 200 for a dry run without errors, "
                    + "and 422 with the same report (errors name file, sheet, row, column and value) when nothing "
                    + "was imported because of errors.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<ImportReport> importPlan(
            @RequestPart("file") MultipartFile file,
            @ModelAttribute PlanImportForm form,
            @Parameter(description = "check and report without changing anything")
            @RequestParam(defaultValue = "false") boolean dryRun,
            @AuthenticationPrincipal
            DubanUser user) {
        ImportReport report = run(importer, file, form, dryRun, user);
        if (report.imported()) {
            return ResponseEntity.created(URI.create("/api/plans/" + report.planId())).body(report);
        }
        return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }

    static ImportReport run(PlanImporter importer, MultipartFile file, PlanImportForm form, boolean dryRun,
                            DubanUser user) {
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        return importer.importFile(form.toRequest(user), file.getOriginalFilename(), content, dryRun);
    }
}
