package org.duban.api.supervision;

import java.util.List;
import java.util.Map;

/**
 * A plan's supervision dashboard: its tasks' statuses in all, by level-1 section and by lead unit; its overdue
 * reports; its open notices by grade and by age; its indicators with their status.
 *
 * @param noticesByGrade every grade, counted (0 when none)
 * @param noticesByAge   every age band, counted (0 when none)
 */
public record PlanBoard(String planId, StatusCounts tasks, List<Group> bySection, List<Group> byUnit,
                        List<OverdueReport> overdue, Map<NoticeGrade, Integer> noticesByGrade,
                        Map<NoticeAge, Integer> noticesByAge, List<IndicatorLine> indicators) {

    /**
     * The tasks of one section or unit.
     *
     * @param id absent for the tasks outside any section
     */
    public record Group(String id, String name, StatusCounts counts) {
    }

    /** @param status absent while the indicator has not been assessed */
    public record IndicatorLine(String indicatorId, String shownNumber, String name, String unitOfMeasure,
                                RagStatus status) {
    }

    public int openNotices() {
        return noticesByGrade.values().stream().mapToInt(Integer::intValue).sum();
    }
}
