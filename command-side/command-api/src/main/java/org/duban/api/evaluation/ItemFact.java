package org.duban.api.evaluation;

import org.duban.api.supervision.RagStatus;

/**
 * What the record said of an item at the round's cut-off, rebuilt from the events stored up to the end of that day
 * (Asia/Shanghai): a report accepted later does not change it.
 *
 * @param status          the status light then, absent if none was assessed yet
 * @param percentComplete a task's progress in its latest accepted report then, absent for none
 * @param reportsAccepted a task's reports accepted by then
 * @param reportsOverdue  a task's reports overdue then
 * @param latestProgress  the words of the latest accepted report then (a task), absent for none
 * @param unitOfMeasure   an indicator's unit
 * @param baseline        an indicator's baseline as written
 * @param target          an indicator's target in force then, as written
 * @param currentValue    an indicator's latest value then, as written; absent for none
 * @param valuePeriod     the period of that value
 */
public record ItemFact(String itemId, ItemKind kind, RagStatus status, Integer percentComplete, int reportsAccepted,
                       int reportsOverdue, String latestProgress, String unitOfMeasure, String baseline, String target,
                       String currentValue, String valuePeriod) {
}
