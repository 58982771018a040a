package org.duban.api.reporting;

import java.util.List;

public record ContributionSubmitted(String taskId, String periodKey, String unitId, String text,
                                    List<EvidenceRef> evidence) {
}
