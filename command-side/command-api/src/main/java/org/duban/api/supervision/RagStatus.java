package org.duban.api.supervision;

/** 红黄绿灯: a task's or indicator's standing against its on-schedule progress (序时进度). */
public enum RagStatus {
    /** on schedule or ahead */
    GREEN,
    /** behind schedule, or near a deadline with work left */
    AMBER,
    /** lagging, overdue or under listed supervision */
    RED
}
