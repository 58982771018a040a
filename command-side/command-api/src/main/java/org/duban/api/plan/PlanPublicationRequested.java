package org.duban.api.plan;

import org.axonframework.serialization.Revision;

/** Publication of a draft plan was requested; a supervisor of its office approves it. */
@Revision("1")
public record PlanPublicationRequested(String planId) {
}
