package org.duban.api.plan;

import org.duban.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.present;
import static org.duban.api.Require.text;

/** Records that a plan's content came from a file: which file, and what it gave. */
public record RecordPlanImport(@TargetAggregateIdentifier String planId, String importId, ImportedFile file,
                               ImportCounts counts) {
    public RecordPlanImport {
        Require.id(planId, "planId");
        Require.id(importId, "importId");
        present(file, "file");
        present(counts, "counts");
    }
}
