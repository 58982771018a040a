package org.duban.app.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import org.duban.app.plan.importing.ColumnMapping;
import org.duban.app.plan.importing.ImportReview;
import org.duban.app.plan.importing.PlanImportRequest;
import org.duban.app.plan.importing.TableDeclarations;
import org.duban.app.security.DubanUser;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The fields sent with an uploaded plan file, by the import page and by API clients alike: the document's metadata
 * (the table does not carry it) and, for tables whose headers are not recognised, a column mapping.
 */
record PlanImportForm(
        String title,
        String documentNumber,
        String issuer,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issueDate,
        Integer startYear,
        Integer endYear,
        String parentPlanId,
        @Schema(description = "area of the units the file names, e.g. 大足区; recorded on newly registered units")
        String jurisdiction,
        @Schema(description = "column layout when the headers are not recognised, e.g. LEVEL1=A, LEVEL2=B, LEVEL3=C, TASK=D, UNITS=E")
        String mapping,
        @Schema(description = "row number of the header row for a mapping; 0 when the table has none", defaultValue = "1")
        Integer headerRow,
        @Schema(description = "year of the BASELINE column of a mapped indicator table") Integer baselineYear,
        @Schema(description = "year of the TARGET column of a mapped indicator table") Integer targetYear,
        @Schema(description = "the office (督查室) that supervises the plan; a supervisor's own office when absent")
        String supervisingOffice,
        @Schema(description = "JSON decisions on the items a dry run proposed, required for a plan read from text: "
                + "{\"sha256\":\"<the dry run's sha256>\",\"items\":[{\"id\":\"t3\",\"action\":\"KEEP\"},{\"id\":\"t4\",\"action\":\"CORRECT\","
                + "\"lead\":\"市卫生健康委\",\"coUnits\":[\"市财政局\"]},{\"id\":\"i2\",\"action\":\"DROP\"}]}")
        String review,
        @Schema(description = "what some tables of the file are, by sheet or table name: 任务分解=TASKS; 指标=INDICATORS; "
                + "说明=SKIP; the others are recognised by their headers")
        String tables) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    PlanImportRequest toRequest(DubanUser user) {
        ColumnMapping columns = blankToNull(mapping) == null ? null
                : ColumnMapping.parse(mapping, headerRow == null ? 1 : headerRow, baselineYear, targetYear);
        return new PlanImportRequest(blankToNull(title), blankToNull(documentNumber), blankToNull(issuer), issueDate,
                startYear, endYear, blankToNull(parentPlanId), blankToNull(jurisdiction), columns,
                blankToNull(supervisingOffice) != null ? blankToNull(supervisingOffice) : user.unit(),
                review(review), blankToNull(tables) == null ? null : TableDeclarations.parse(tables));
    }

    /** The same form with a review made on the import page, sent as the JSON an API client would send. */
    PlanImportForm withReview(ImportReview decisions) {
        try {
            return new PlanImportForm(title, documentNumber, issuer, issueDate, startYear, endYear, parentPlanId,
                    jurisdiction, mapping, headerRow, baselineYear, targetYear, supervisingOffice,
                    JSON.writeValueAsString(decisions), tables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a review always serialises", e);
        }
    }

    static ImportReview review(String json) {
        if (blankToNull(json) == null) {
            return null;
        }
        try {
            return JSON.readValue(json, ImportReview.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("review is not a review of the proposed items: "
                    + e.getOriginalMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
