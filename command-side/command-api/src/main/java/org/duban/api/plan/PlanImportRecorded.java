package org.duban.api.plan;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PlanImportRecorded(String planId, String importId, ImportedFile file, ImportCounts counts) {
}
