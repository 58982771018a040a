package org.duban.api.supervision;

import java.util.List;

/**
 * The supervision cases that match every filter given (a null filter does not narrow), newest first.
 *
 * @param offices the supervising offices whose cases to list (a supervisor's own; cases of plans without an office are
 *                listed too), or null for all
 * @param stages  the stages to list, or null/empty for all
 * @param open    true: only cases not closed out; null: all
 */
public record FindSupervisionCases(String planId, String unitId, List<String> offices, List<String> stages,
                                   NoticeGrade grade, String taskId, String indicatorId, CaseTrigger trigger,
                                   Boolean open) {
    public FindSupervisionCases {
        offices = offices == null ? null : List.copyOf(offices);
        stages = stages == null || stages.isEmpty() ? null : List.copyOf(stages);
    }

    public static FindSupervisionCases all() {
        return new FindSupervisionCases(null, null, null, null, null, null, null, null, null);
    }

    /** The open cases of one trigger about the item, which automatic rules check before issuing another. */
    public static FindSupervisionCases openAbout(SupervisedItem item, CaseTrigger trigger) {
        return new FindSupervisionCases(null, null, null, null, null, item.taskId(), item.indicatorId(), trigger, true);
    }
}
