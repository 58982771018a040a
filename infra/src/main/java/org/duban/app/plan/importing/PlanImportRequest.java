package org.duban.app.plan.importing;

import java.time.LocalDate;

/**
 * The plan a file is imported as: its document metadata, which the table itself does not carry.
 *
 * @param jurisdiction the area of the units the file names (大足区), recorded on newly registered units
 * @param mapping      a column layout for files whose headers are not recognised, or null
 * @param supervisingOffice the office (督查室) whose supervisors act on the plan
 * @param review       the supervisor's decisions on the items proposed by a dry run, or null
 * @param tables       what some tables of the file are (tasks, indicators, not part of the plan), or null
 */
public record PlanImportRequest(String title, String documentNumber, String issuer, LocalDate issueDate,
                                Integer startYear, Integer endYear, String parentPlanId, String jurisdiction,
                                ColumnMapping mapping, String supervisingOffice, ImportReview review,
                                TableDeclarations tables) {
}
