package org.duban.command.supervision;

import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.TargetKind;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusRules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * An indicator's standing: its latest value against the on-schedule path (序时进度), a straight line from the baseline
 * at the end of the baseline's year (else the start of the plan period) to the target at the end of the target's year
 * (else the end of the plan period). The goal on that path is the target's bound nearest the baseline: the lower bound
 * of a range or 不低于 bound when the indicator should rise, the upper bound when it should fall (lower is better:
 * direction DECREASE, or a 不高于 target). The first rule that applies decides:
 * <ol>
 *     <li>{@code indicator.early} GREEN — no value yet, at most {@link StatusRules#earlyShare()} of the span elapsed;
 *         {@code indicator.no-value} AMBER — no value yet after that (or with no span known);</li>
 *     <li>{@code indicator.met} GREEN — the value meets the target in force (within a range; at or beyond a bound or
 *         an exact target in the good direction);</li>
 *     <li>{@code indicator.ahead} GREEN — beyond a range on the good side before the target year ends;
 *         {@code indicator.outside-range} AMBER — still beyond it after;</li>
 *     <li>{@code indicator.past-target-year} RED — the target year is over and the target is not met;</li>
 *     <li>{@code indicator.no-baseline} (no baseline value) or {@code indicator.no-path} (no years to draw the path)
 *         — no path to compare with: GREEN when the value is within the amber gap of the goal (in percent of the
 *         goal), else AMBER; never RED before the target year is over;</li>
 *     <li>{@code indicator.on-schedule} GREEN, {@code indicator.behind} AMBER, {@code indicator.lagging} RED — the
 *         shortfall from the on-schedule value, in percent of the whole way from baseline to goal, within the amber
 *         gap, within the red gap, or beyond it. Binding (约束性) indicators use the smaller binding gaps.</li>
 * </ol>
 */
public record IndicatorSchedule(Baseline baseline, Target target, IndicatorAttribute attribute, Direction direction,
                                PlanPeriod planPeriod) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param value       the latest value with a number, absent when none was recorded
     * @param valueWritten the latest value as written
     */
    public Judgement judge(LocalDate asOf, BigDecimal value, String valueWritten, String periodKey,
                           StatusRules rules) {
        boolean binding = attribute == IndicatorAttribute.BINDING;
        int amberGap = binding ? rules.bindingAmberGap() : rules.expectedAmberGap();
        int redGap = binding ? rules.bindingRedGap() : rules.expectedRedGap();
        LocalDate start = pathStart();
        LocalDate end = pathEnd();
        boolean lowerIsBetter = lowerIsBetter();
        BigDecimal goal = goal(lowerIsBetter);
        BigDecimal elapsed = start == null || end == null ? null : share(start, end, asOf);
        Map<String, String> figures = Judgement.figures("asOf", asOf, "latestValue", valueWritten,
                "period", periodKey, "baseline", baseline == null ? null : baseline.value(),
                "baselineYear", baseline == null ? null : baseline.year(), "target", target.asWritten(),
                "targetYear", target.year(), "goal", goal, "lowerIsBetter", lowerIsBetter ? true : null,
                "attribute", attribute, "elapsedShare", elapsed);
        if (value == null) {
            if (elapsed != null && elapsed.compareTo(BigDecimal.valueOf(rules.earlyShare())) <= 0) {
                figures.put("earlyShare", String.valueOf(rules.earlyShare()));
                return new Judgement(RagStatus.GREEN, "indicator.early", figures);
            }
            return new Judgement(RagStatus.AMBER, "indicator.no-value", figures);
        }
        figures.put("value", Judgement.text(value));
        if (target.isMetBy(value)) {
            return new Judgement(RagStatus.GREEN, "indicator.met", figures);
        }
        boolean over = end != null && asOf.isAfter(end);
        if (beyondRangeOnGoodSide(value, lowerIsBetter)) {
            return over ? new Judgement(RagStatus.AMBER, "indicator.outside-range", figures)
                    : new Judgement(RagStatus.GREEN, "indicator.ahead", figures);
        }
        if (!target.isMetBy(value) && target.kind() != TargetKind.RANGE && reaches(value, goal, lowerIsBetter)) {
            return new Judgement(RagStatus.GREEN, "indicator.met", figures);
        }
        if (over) {
            return new Judgement(RagStatus.RED, "indicator.past-target-year", figures);
        }
        boolean noBaseline = baseline == null || baseline.isMissing();
        if (noBaseline || start == null || end == null) {
            // no path to compare with: only how far the value is from the goal
            BigDecimal distance = goal.signum() == 0 ? HUNDRED
                    : value.subtract(goal).abs().multiply(HUNDRED).divide(goal.abs(), 1, RoundingMode.HALF_UP);
            figures.put("distance", Judgement.text(distance));
            figures.put("amberGap", String.valueOf(amberGap));
            String rule = noBaseline ? "indicator.no-baseline" : "indicator.no-path";
            return new Judgement(distance.compareTo(BigDecimal.valueOf(amberGap)) <= 0 ? RagStatus.GREEN
                    : RagStatus.AMBER, rule, figures);
        }
        BigDecimal from = baseline.value();
        BigDecimal onSchedule = from.add(goal.subtract(from).multiply(elapsed).divide(HUNDRED, MathContext.DECIMAL64))
                .setScale(4, RoundingMode.HALF_UP);
        BigDecimal shortfall = lowerIsBetter ? value.subtract(onSchedule) : onSchedule.subtract(value);
        BigDecimal way = goal.subtract(from).abs();
        BigDecimal reference = way.signum() != 0 ? way : goal.abs();
        BigDecimal gap = reference.signum() == 0 ? HUNDRED
                : shortfall.multiply(HUNDRED).divide(reference, 1, RoundingMode.HALF_UP);
        figures.put("onSchedule", Judgement.text(onSchedule));
        figures.put("gap", Judgement.text(gap));
        figures.put("amberGap", String.valueOf(amberGap));
        figures.put("redGap", String.valueOf(redGap));
        if (gap.compareTo(BigDecimal.valueOf(amberGap)) <= 0) {
            return new Judgement(RagStatus.GREEN, "indicator.on-schedule", figures);
        }
        if (gap.compareTo(BigDecimal.valueOf(redGap)) <= 0) {
            return new Judgement(RagStatus.AMBER, "indicator.behind", figures);
        }
        return new Judgement(RagStatus.RED, "indicator.lagging", figures);
    }

    /** The on-schedule value on {@code asOf}, absent when there is no path (no baseline value or no years). */
    public BigDecimal onSchedule(LocalDate asOf) {
        LocalDate start = pathStart();
        LocalDate end = pathEnd();
        if (baseline == null || baseline.isMissing() || start == null || end == null) {
            return null;
        }
        BigDecimal goal = goal(lowerIsBetter());
        return baseline.value().add(goal.subtract(baseline.value()).multiply(share(start, end, asOf))
                .divide(HUNDRED, MathContext.DECIMAL64)).setScale(4, RoundingMode.HALF_UP);
    }

    /** The end of the baseline's year, else the day before the plan period starts. */
    LocalDate pathStart() {
        if (baseline != null && baseline.year() != null) {
            return LocalDate.of(baseline.year(), 12, 31);
        }
        return planPeriod == null ? null : LocalDate.of(planPeriod.startYear() - 1, 12, 31);
    }

    /** The end of the target's year, else the end of the plan period. */
    LocalDate pathEnd() {
        if (target.year() != null) {
            return LocalDate.of(target.year(), 12, 31);
        }
        return planPeriod == null ? null : LocalDate.of(planPeriod.endYear(), 12, 31);
    }

    boolean lowerIsBetter() {
        if (target.kind() == TargetKind.AT_MOST) {
            return true;
        }
        if (target.kind() == TargetKind.AT_LEAST) {
            return false;
        }
        Direction way = direction == null || direction == Direction.UNKNOWN ? Direction.between(baseline, target)
                : direction;
        return way == Direction.DECREASE;
    }

    private BigDecimal goal(boolean lowerIsBetter) {
        if (lowerIsBetter) {
            return target.high() != null ? target.high() : target.low();
        }
        return target.low() != null ? target.low() : target.high();
    }

    private boolean beyondRangeOnGoodSide(BigDecimal value, boolean lowerIsBetter) {
        if (target.kind() != TargetKind.RANGE) {
            return false;
        }
        return lowerIsBetter ? value.compareTo(target.low()) < 0 : value.compareTo(target.high()) > 0;
    }

    /** An exact target passed in the good direction counts as met (20 reached when 18 was the target). */
    private static boolean reaches(BigDecimal value, BigDecimal goal, boolean lowerIsBetter) {
        return lowerIsBetter ? value.compareTo(goal) <= 0 : value.compareTo(goal) >= 0;
    }

    /** Percent of the way from {@code from} to {@code to} on {@code asOf}, 0 to 100, one decimal. */
    static BigDecimal share(LocalDate from, LocalDate to, LocalDate asOf) {
        long whole = TaskSchedule.days(from, to);
        if (whole <= 0) {
            return HUNDRED.setScale(1);
        }
        long part = Math.max(0, Math.min(whole, TaskSchedule.days(from, asOf)));
        return TaskSchedule.percentOf(part, whole);
    }
}
