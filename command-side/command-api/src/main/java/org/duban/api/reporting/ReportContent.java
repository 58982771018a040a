package org.duban.api.reporting;

import org.duban.api.Limits;
import org.duban.api.Require;

import java.util.List;

/**
 * What a progress report says: narrative, completion status or percentage, indicator values, difficulties,
 * next steps and evidence attachments.
 */
public record ReportContent(String narrative, CompletionStatus status, Integer percent,
                            List<IndicatorValue> indicatorValues, String difficulties, String nextSteps,
                            List<EvidenceRef> evidence) {
    public ReportContent {
        narrative = Require.text(narrative, "progress narrative", Limits.NARRATIVE);
        Require.present(status, "completion status");
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("percent must be between 0 and 100, not " + percent);
        }
        indicatorValues = Require.atMost(indicatorValues, "indicatorValues", Limits.INDICATOR_VALUES);
        difficulties = Require.optionalText(difficulties, "difficulties", Limits.NARRATIVE);
        nextSteps = Require.optionalText(nextSteps, "nextSteps", Limits.NARRATIVE);
        evidence = Require.atMost(evidence, "evidence", Limits.EVIDENCE_FILES);
    }
}
