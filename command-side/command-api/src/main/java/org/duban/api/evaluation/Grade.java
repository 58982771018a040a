package org.duban.api.evaluation;

/** The grades of an evaluation, best first: 优, 良, 中, 差. */
public enum Grade {
    EXCELLENT,
    GOOD,
    FAIR,
    POOR
}
