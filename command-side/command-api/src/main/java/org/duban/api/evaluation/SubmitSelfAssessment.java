package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A unit's self-assessment: an entry for each of its items in the round, no more and no fewer. Taken once; a unit
 * marked overdue may still submit, late, until the phase closes.
 */
public record SubmitSelfAssessment(@TargetAggregateIdentifier String roundId, String unitId,
                                   List<SelfAssessmentEntry> entries) {
    public SubmitSelfAssessment {
        Require.id(roundId, "roundId");
        Require.id(unitId, "unitId");
        entries = Require.atMost(entries, "entries", 20_000);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a self-assessment needs an entry for each of the unit's items");
        }
        Set<String> ids = new HashSet<>();
        for (SelfAssessmentEntry entry : entries) {
            if (!ids.add(entry.itemId())) {
                throw new IllegalArgumentException("item " + entry.itemId() + " is assessed twice");
            }
        }
    }
}
