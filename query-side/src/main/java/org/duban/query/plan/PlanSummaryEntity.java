package org.duban.query.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.duban.api.plan.PlanStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.duban.api.plan.PlanSummary;

import java.time.Instant;
import java.time.LocalDate;

/** Row of the plan list projection; written only by {@link PlanSummaryProjection}. */
@Entity
@Table(name = "plan_summary")
class PlanSummaryEntity {
    @Id
    @Column(name = "plan_id")
    private String planId;
    private String title;
    @Column(name = "document_number")
    private String documentNumber;
    private String issuer;
    @Column(name = "issue_date")
    private LocalDate issueDate;
    @Column(name = "parent_plan_id")
    private String parentPlanId;
    @Column(name = "start_year")
    private int startYear;
    @Column(name = "end_year")
    private int endYear;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private PlanStatus status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_by_unit")
    private String createdByUnit;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "supervising_unit")
    private String supervisingUnit;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PlanSummaryEntity() {
    }

    PlanSummaryEntity(String planId, String title, String documentNumber, String issuer, LocalDate issueDate,
                      int startYear, int endYear, String parentPlanId,
                      String createdBy, String createdByUnit, Instant createdAt, String supervisingUnit) {
        this.supervisingUnit = supervisingUnit;
        this.issueDate = issueDate;
        this.parentPlanId = parentPlanId;
        this.planId = planId;
        this.title = title;
        this.documentNumber = documentNumber;
        this.issuer = issuer;
        this.startYear = startYear;
        this.endYear = endYear;
        this.status = PlanStatus.DRAFT;
        this.createdBy = createdBy;
        this.createdByUnit = createdByUnit;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void changeStatus(PlanStatus newStatus, Instant at) {
        this.status = newStatus;
        this.updatedAt = at;
    }

    void superviseBy(String office, Instant at) {
        this.supervisingUnit = office;
        this.updatedAt = at;
    }

    PlanSummary toSummary() {
        return new PlanSummary(planId, title, documentNumber, issuer, issueDate, startYear, endYear, parentPlanId, status,
                createdBy, createdByUnit, createdAt, updatedAt, supervisingUnit);
    }
}
