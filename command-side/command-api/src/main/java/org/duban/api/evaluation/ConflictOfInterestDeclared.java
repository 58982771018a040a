package org.duban.api.evaluation;

import java.util.List;

/** An evaluator declared a conflict of interest (利益冲突) with items; they score none of them. */
public record ConflictOfInterestDeclared(String roundId, String planId, String evaluator, List<String> itemIds,
                                         String reason) {
}
