package org.duban.api.task;

import org.axonframework.serialization.Revision;

/** The office whose supervisors review, remind and decide on the task changed with its plan's. */
@Revision("1")
public record TaskSupervisionChanged(String taskId, String planId, String office) {
}
