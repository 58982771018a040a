package org.duban.api.audit;

/**
 * What an audit trail is about. A plan's trail holds the events of the plan and of its tasks and indicators; a
 * unit's, the events it acted in or is named in (as lead, co-unit, responsible unit); a user's, what they did.
 */
public enum AuditSubject {
    PLAN, TASK, INDICATOR, UNIT, USER
}
