package org.duban.api.plan;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PlanExecutionStarted(String planId) {
}
