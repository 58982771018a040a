package org.duban.api.plan;

import org.axonframework.serialization.Revision;

/**
 * The office that supervises a plan changed. {@code previousOffice} is absent for a plan recorded before plans named
 * their office at creation, whose office was then taken from the supervisor who first published it.
 */
@Revision("1")
public record PlanSupervisionChanged(String planId, String office, String previousOffice, String reason) {
}
