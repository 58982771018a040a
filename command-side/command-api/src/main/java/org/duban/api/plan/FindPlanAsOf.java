package org.duban.api.plan;

import java.time.Instant;

/** A plan as it stood at a past moment, rebuilt from its events and its tasks' events up to then. */
public record FindPlanAsOf(String planId, Instant at) {
}
