package org.duban.query.plan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.duban.api.Limits;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.TargetKind;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "plan_indicator")
class IndicatorEntity {
    @Id
    @Column(name = "indicator_id")
    String indicatorId;
    @Column(name = "plan_id")
    String planId;
    int number;
    @Column(length = Limits.ID)
    String code;
    @Column(name = "task_id", length = Limits.ID)
    String taskId;
    String name;
    @Column(name = "unit_of_measure")
    String unitOfMeasure;
    @Column(name = "baseline_year")
    Integer baselineYear;
    @Column(name = "baseline_value", precision = 20, scale = 4)
    BigDecimal baselineValue;
    @Column(name = "baseline_written")
    String baselineWritten;
    @Column(name = "target_year")
    Integer targetYear;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_kind")
    TargetKind targetKind;
    @Column(name = "target_low", precision = 20, scale = 4)
    BigDecimal targetLow;
    @Column(name = "target_high", precision = 20, scale = 4)
    BigDecimal targetHigh;
    @Column(name = "target_percent")
    boolean targetPercent;
    @Column(name = "target_written")
    String targetWritten;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    IndicatorAttribute attribute;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    Direction direction;
    // a plan's rows load their lists in a few statements, not one each (a plan tree: 94 tasks)
    @BatchSize(size = 128)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_indicator_unit", joinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    List<UnitRefEmbeddable> responsibleUnits = new ArrayList<>();
    @Column(length = 2000)
    String remark;

    protected IndicatorEntity() {
    }

    IndicatorEntity(IndicatorDefined event) {
        this.indicatorId = event.indicatorId();
        this.planId = event.planId();
        this.number = event.number();
        this.code = event.code();
        this.taskId = event.taskId();
        this.name = event.name();
        this.unitOfMeasure = event.unitOfMeasure();
        Baseline baseline = event.baseline();
        if (baseline != null) {
            this.baselineYear = baseline.year();
            this.baselineValue = baseline.value();
            this.baselineWritten = baseline.asWritten();
        }
        Target target = event.target();
        this.targetYear = target.year();
        this.targetKind = target.kind();
        this.targetLow = target.low();
        this.targetHigh = target.high();
        this.targetPercent = target.percent();
        this.targetWritten = target.asWritten();
        this.attribute = event.attribute();
        this.direction = event.direction();
        this.responsibleUnits = UnitRefEmbeddable.of(event.responsibleUnits());
        this.remark = event.remark();
    }

    /** An approved adjustment (动态调整) puts another target in force; the adjustment history keeps the one before. */
    void adjustTarget(Target target) {
        this.targetYear = target.year();
        this.targetKind = target.kind();
        this.targetLow = target.low();
        this.targetHigh = target.high();
        this.targetPercent = target.percent();
        this.targetWritten = target.asWritten();
    }

    IndicatorView toView() {
        Baseline baseline = baselineWritten == null && baselineYear == null ? null
                : new Baseline(baselineYear, strip(baselineValue), baselineWritten);
        return new IndicatorView(indicatorId, planId, number, code, taskId, name, unitOfMeasure, baseline,
                new Target(targetYear, targetKind, strip(targetLow), strip(targetHigh), targetPercent, targetWritten),
                attribute, direction, UnitRefEmbeddable.refs(responsibleUnits), remark);
    }

    /** Numeric columns come back with the column's scale (2.5000); show them as written (2.5). */
    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
