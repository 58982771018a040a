package org.duban.api.plan;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PlanCreated(String planId, String title, String documentNumber, String issuer, PlanPeriod period) {
}
