package org.duban.api.evaluation;

import org.duban.api.unit.UnitRef;

import java.math.BigDecimal;

/**
 * A unit's published result: the mean of its scored items' scores (two decimals, half up), its grade and its rank.
 * Units are ranked by score, highest first; equal scores share a rank and the next rank is skipped (1, 1, 3).
 */
public record UnitResult(UnitRef unit, BigDecimal score, Grade grade, int rank, int scoredItems) {
}
