package org.duban.api.evaluation;

import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.unit.UnitRef;

/**
 * One scored item of a round: a task (its lead unit answers for it) or an indicator (its first responsible unit, or
 * the lead unit of the task that states it).
 *
 * @param itemId the task's or the indicator's id
 * @param label  the number and words the plan shows, for lists and the score sheet
 */
public record RoundItem(String itemId, ItemKind kind, UnitRef unit, String label, String sectionId) {
    public RoundItem {
        Require.id(itemId, "itemId");
        Require.present(kind, "item kind");
        Require.present(unit, "item unit");
        label = Require.text(label, "item label", Limits.TASK_TEXT);
        sectionId = sectionId == null || sectionId.isBlank() ? null : Require.id(sectionId, "sectionId");
    }
}
