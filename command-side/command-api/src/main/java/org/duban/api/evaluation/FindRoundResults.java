package org.duban.api.evaluation;

/** A published round's results; answers an optional {@link RoundResults}, empty before publication. */
public record FindRoundResults(String roundId) {
}
