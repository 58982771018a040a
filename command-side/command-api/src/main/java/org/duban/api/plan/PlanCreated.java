package org.duban.api.plan;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Revision 1; issueDate and parentPlanId were added as optional fields, so older payloads read as null. */
@Revision("1")
public record PlanCreated(String planId, String title, String documentNumber, String issuer, LocalDate issueDate,
                          PlanPeriod period, String parentPlanId) {
}
