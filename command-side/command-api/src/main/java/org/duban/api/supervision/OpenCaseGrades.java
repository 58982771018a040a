package org.duban.api.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The supervision cases of a plan's tasks, each with its grade and whether it is still open (not closed out): the
 * open ones' grades are a task's open notices. Closed cases are listed too, so that the task of a case just closed
 * out is still known.
 */
public record OpenCaseGrades(String planId, List<Case> cases) {
    public OpenCaseGrades {
        cases = List.copyOf(cases);
    }

    public record Case(String caseId, String taskId, NoticeGrade grade, boolean open) {
    }

    /** The grades of the task's open cases, one per case. */
    public List<NoticeGrade> of(String taskId) {
        return cases.stream().filter(c -> c.open() && c.taskId().equals(taskId)).map(Case::grade).toList();
    }

    /** The grades of the open cases by task; a task with none is absent. */
    public Map<String, List<NoticeGrade>> byTask() {
        return cases.stream().filter(Case::open).collect(Collectors.groupingBy(Case::taskId,
                Collectors.mapping(Case::grade, Collectors.toList())));
    }

    /** The task a case is about, or null when the case is not about one of the plan's tasks. */
    public String taskOf(String caseId) {
        return cases.stream().filter(c -> c.caseId().equals(caseId)).map(Case::taskId).findFirst().orElse(null);
    }

    /** These cases as they stand after a case event that the case view may not show yet. */
    public OpenCaseGrades with(Case changed) {
        List<Case> updated = new ArrayList<>(cases.stream()
                .filter(c -> !c.caseId().equals(changed.caseId())).toList());
        updated.add(changed);
        return new OpenCaseGrades(planId, updated);
    }
}
