package org.duban.query.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.duban.api.plan.ImportCounts;
import org.duban.api.plan.ImportedFile;
import org.duban.api.plan.PlanImportRecorded;
import org.duban.api.plan.PlanTree;

import java.time.Instant;

@Entity
@Table(name = "plan_import")
class PlanImportEntity {
    @Id
    @Column(name = "import_id")
    String importId;
    @Column(name = "plan_id")
    String planId;
    @Column(name = "file_name")
    String fileName;
    @Column(name = "file_size")
    long fileSize;
    String sha256;
    String format;
    @Column(name = "level1_sections")
    int level1Sections;
    @Column(name = "level2_sections")
    int level2Sections;
    @Column(name = "level3_sections")
    int level3Sections;
    int tasks;
    int indicators;
    @Column(name = "unit_names")
    int unitNames;
    @Column(name = "new_units")
    int newUnits;
    int warnings;
    @Column(name = "imported_by")
    String importedBy;
    @Column(name = "imported_at")
    Instant importedAt;

    protected PlanImportEntity() {
    }

    PlanImportEntity(PlanImportRecorded event, String importedBy, Instant importedAt) {
        this.importId = event.importId();
        this.planId = event.planId();
        this.fileName = event.file().name();
        this.fileSize = event.file().size();
        this.sha256 = event.file().sha256();
        this.format = event.file().format();
        ImportCounts counts = event.counts();
        this.level1Sections = counts.level1Sections();
        this.level2Sections = counts.level2Sections();
        this.level3Sections = counts.level3Sections();
        this.tasks = counts.tasks();
        this.indicators = counts.indicators();
        this.unitNames = counts.unitNames();
        this.newUnits = counts.newUnits();
        this.warnings = counts.warnings();
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    PlanTree.ImportView toView() {
        return new PlanTree.ImportView(importId, new ImportedFile(fileName, fileSize, sha256, format),
                new ImportCounts(level1Sections, level2Sections, level3Sections, tasks, indicators, unitNames,
                        newUnits, warnings), importedBy, importedAt);
    }
}
