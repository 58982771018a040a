package org.duban.api.supervision;

/** Which tasks a dashboard's status figure counts: one status, or those not assessed yet. */
public enum StatusFilter {
    GREEN,
    AMBER,
    RED,
    UNASSESSED
}
