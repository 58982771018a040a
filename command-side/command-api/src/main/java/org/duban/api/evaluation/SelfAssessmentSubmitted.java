package org.duban.api.evaluation;

import java.util.List;

/**
 * A unit submitted its self-assessment (自评) of its items in the round.
 *
 * @param late whether it came after the unit was marked overdue
 */
public record SelfAssessmentSubmitted(String roundId, String planId, String unitId, List<SelfAssessmentEntry> entries,
                                      boolean late) {
}
