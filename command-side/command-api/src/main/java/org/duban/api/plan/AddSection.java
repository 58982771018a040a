package org.duban.api.plan;

import org.duban.api.Require;
import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.text;

/**
 * Adds a section to a plan's tree: level 1 (工程 / 一级指标, "一、"), level 2 ("（一）"), level 3 ("1.").
 * The code and title are kept as written; a level-1 section has no parent.
 */
public record AddSection(@TargetAggregateIdentifier String planId, String sectionId, String parentSectionId,
                         int level, String code, String title) {
    public AddSection {
        Require.id(planId, "planId");
        Require.id(sectionId, "sectionId");
        title = text(title, "title", Limits.TITLE);
        code = code == null || code.isBlank() ? "" : Require.text(code, "code", Limits.NAME);
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("section level must be 1, 2 or 3, not " + level);
        }
        if ((level == 1) != (parentSectionId == null)) {
            throw new IllegalArgumentException(level == 1 ? "a level-1 section has no parent section"
                    : "a level-" + level + " section needs a parent section");
        }
    }
}
