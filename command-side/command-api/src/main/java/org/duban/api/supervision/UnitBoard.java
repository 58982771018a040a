package org.duban.api.supervision;

import java.util.List;
import java.util.Map;

/**
 * A unit's own picture: the statuses of the tasks it leads (in every plan), its overdue reports and its open notices.
 *
 * @param noticesByGrade every grade, counted (0 when none)
 */
public record UnitBoard(String unitId, StatusCounts tasks, List<StatusRow> taskRows, List<OverdueReport> overdue,
                        List<OpenNotice> notices, Map<NoticeGrade, Integer> noticesByGrade) {
}
