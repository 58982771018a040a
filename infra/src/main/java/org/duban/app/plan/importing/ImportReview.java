package org.duban.app.plan.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervisor's decision on each proposed item of an import (see {@link ProposedItem}): keep it as proposed,
 * keep it with corrections, or drop it. A plan read from running text is imported only with a review that decides
 * every item, because text is less certain than a table.
 *
 * @param sha256 the SHA-256 of the file the proposal was read from, as the dry run reports it: a review applies to
 *               that file only, because the ids of its items are their places in it
 */
public record ImportReview(String sha256, List<Decision> items) {

    public ImportReview {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public enum Action { KEEP, CORRECT, DROP }

    /**
     * @param id     the proposed item's id
     * @param text   a task's text or a section's title, corrected
     * @param lead   a task's or indicator's lead unit, corrected; coUnits the others
     * @param name   an indicator's name, corrected; target its target as written (≥70%, 1—2个)
     */
    public record Decision(String id, Action action, String text, String lead, List<String> coUnits,
                           LocalDate dueDate, String name, String target, String unitOfMeasure) {
    }
}
