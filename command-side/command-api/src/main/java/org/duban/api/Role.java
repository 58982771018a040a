package org.duban.api;

/** The roles a Duban user acts in; recorded in every command's metadata. */
public enum Role {
    ADMIN,
    SUPERVISOR,
    UNIT_USER,
    EVALUATOR,
    AUDITOR,
    SYSTEM
}
