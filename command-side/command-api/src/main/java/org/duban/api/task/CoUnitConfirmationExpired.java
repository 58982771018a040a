package org.duban.api.task;

import java.time.LocalDate;

/** A co-unit did not confirm its part (知悉) by {@code confirmBy}; it cannot confirm any more. */
public record CoUnitConfirmationExpired(String taskId, String unitId, LocalDate confirmBy) {
}
