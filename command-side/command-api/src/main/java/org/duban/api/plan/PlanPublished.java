package org.duban.api.plan;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PlanPublished(String planId) {
}
