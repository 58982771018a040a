package org.duban.app.plan.importing;

import java.util.List;
import java.util.Locale;

/** The file cannot be read as a table at all (wrong format, damaged, too large, hidden content…). */
public class UnreadableFile extends RuntimeException {
    private final transient List<ImportProblem> problems;

    public UnreadableFile(ImportProblem problem) {
        this(List.of(problem), null);
    }

    public UnreadableFile(ImportProblem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    public UnreadableFile(List<ImportProblem> problems, Throwable cause) {
        super(problems.get(0).describe(Locale.ENGLISH), cause);
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
