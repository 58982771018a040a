package org.duban.api.task;

/** An approved adjustment changed the task's text; the text before stays in the history. */
public record TaskTextAdjusted(String taskId, String planId, String adjustmentId, String fromText, String toText) {
}
