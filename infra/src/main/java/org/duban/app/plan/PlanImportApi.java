package org.duban.app.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.duban.app.plan.importing.ColumnMapping;
import org.duban.app.plan.importing.ImportReport;
import org.duban.app.plan.importing.PlanImportRequest;
import org.duban.app.plan.importing.PlanImporter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;

/** Imports a plan from an uploaded .xlsx, .docx or .csv table. */
@RestController
@RequestMapping("/api/plans/imports")
class PlanImportApi {
    private final PlanImporter importer;

    PlanImportApi(PlanImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "Import a plan from a table file",
            description = "Answers 201 with the report when the plan was created, 200 for a dry run without errors, "
                    + "and 422 with the same report (errors name file, sheet, row, column and value) when nothing "
                    + "was imported because of errors.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<ImportReport> importPlan(
            @RequestPart("file") MultipartFile file,
            @RequestParam String title,
            @RequestParam(required = false) String documentNumber,
            @RequestParam(required = false) String issuer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issueDate,
            @RequestParam Integer startYear,
            @RequestParam Integer endYear,
            @RequestParam(required = false) String parentPlanId,
            @RequestParam(required = false) String jurisdiction,
            @Parameter(description = "column layout when the headers are not recognised, e.g. "
                    + "LEVEL1=A, LEVEL2=B, LEVEL3=C, TASK=D, UNITS=E")
            @RequestParam(required = false) String mapping,
            @Parameter(description = "row number of the header row for a mapping; 0 when the table has none")
            @RequestParam(defaultValue = "1") int headerRow,
            @RequestParam(required = false) Integer baselineYear,
            @RequestParam(required = false) Integer targetYear,
            @Parameter(description = "check and report without changing anything")
            @RequestParam(defaultValue = "false") boolean dryRun) {
        ColumnMapping columns = mapping == null || mapping.isBlank() ? null
                : ColumnMapping.parse(mapping, headerRow, baselineYear, targetYear);
        PlanImportRequest request = new PlanImportRequest(title, blankToNull(documentNumber), blankToNull(issuer),
                issueDate, startYear, endYear, blankToNull(parentPlanId), blankToNull(jurisdiction), columns);
        ImportReport report = importer.importFile(request, file.getOriginalFilename(), bytes(file), dryRun);
        if (report.imported()) {
            return ResponseEntity.created(URI.create("/api/plans/" + report.planId())).body(report);
        }
        return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
