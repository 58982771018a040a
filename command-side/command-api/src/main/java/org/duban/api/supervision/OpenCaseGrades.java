package org.duban.api.supervision;

import java.util.List;
import java.util.Map;

/** The grades of the open supervision cases of a plan's tasks, by task id; a task with none is absent. */
public record OpenCaseGrades(String planId, Map<String, List<NoticeGrade>> byTask) {
    public OpenCaseGrades {
        byTask = Map.copyOf(byTask);
    }

    public List<NoticeGrade> of(String taskId) {
        return byTask.getOrDefault(taskId, List.of());
    }
}
