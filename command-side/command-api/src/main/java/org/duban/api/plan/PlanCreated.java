package org.duban.api.plan;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Revision 1; issueDate, parentPlanId and supervisingOffice were added as optional fields, so older payloads read as
 * null (a plan created without an office takes the office of the supervisor who first publishes it).
 */
@Revision("1")
public record PlanCreated(String planId, String title, String documentNumber, String issuer, LocalDate issueDate,
                          PlanPeriod period, String parentPlanId, String supervisingOffice) {
}
