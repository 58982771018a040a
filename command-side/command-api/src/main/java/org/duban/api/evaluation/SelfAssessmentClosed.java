package org.duban.api.evaluation;

import java.util.List;

/**
 * The self-assessment phase ended (every unit submitted, or a supervisor closed it) and scoring began.
 *
 * @param missingUnits units that never submitted
 */
public record SelfAssessmentClosed(String roundId, String planId, List<String> missingUnits) {
}
