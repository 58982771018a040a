package org.duban.api.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts of a round's items as of the end of the cut-off day (Asia/Shanghai), rebuilt from the events stored up to
 * then; answers a list of {@link ItemFact} in the items' order.
 */
public record FindItemFactsAsOf(String planId, List<RoundItem> items, LocalDate cutOff) {
}
