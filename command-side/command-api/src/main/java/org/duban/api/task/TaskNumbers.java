package org.duban.api.task;

/** How a task's number is shown wherever a person reads it. */
public final class TaskNumbers {
    private TaskNumbers() {
    }

    /** The number as the document prints it when there is one, else the task's place in the plan. */
    public static String shown(int number, String code) {
        return code == null || code.isBlank() ? String.valueOf(number) : code;
    }
}
