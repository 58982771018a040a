package org.duban.api.evaluation;

import org.duban.api.Require;

import java.util.List;

/**
 * What the supervisor chose to evaluate: all lists empty is the whole plan; otherwise the tasks and indicators of the
 * named sections, the named tasks and indicators, and the items of the named units, together. The round's items are
 * resolved from it when the round is opened and carried by the opening event.
 */
public record RoundScope(List<String> sectionIds, List<String> taskIds, List<String> indicatorIds, List<String> unitIds) {
    public RoundScope {
        sectionIds = Require.atMost(sectionIds, "scope sectionIds", 1_000);
        taskIds = Require.atMost(taskIds, "scope taskIds", 10_000);
        indicatorIds = Require.atMost(indicatorIds, "scope indicatorIds", 10_000);
        unitIds = Require.atMost(unitIds, "scope unitIds", 1_000);
    }

    public static RoundScope wholePlan() {
        return new RoundScope(List.of(), List.of(), List.of(), List.of());
    }

    public boolean isWholePlan() {
        return sectionIds.isEmpty() && taskIds.isEmpty() && indicatorIds.isEmpty() && unitIds.isEmpty();
    }
}
