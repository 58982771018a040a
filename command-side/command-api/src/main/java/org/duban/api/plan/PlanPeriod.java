package org.duban.api.plan;

/** The years a plan covers, as written on it (规划期, e.g. 2023—2027). */
public record PlanPeriod(int startYear, int endYear) {
    public PlanPeriod {
        if (startYear < 1949 || endYear > 2200) {
            throw new IllegalArgumentException("period " + startYear + "—" + endYear + " is not a plausible plan period");
        }
        if (endYear < startYear) {
            throw new IllegalArgumentException("period end year " + endYear + " is before start year " + startYear);
        }
    }

    @Override
    public String toString() {
        return startYear + "—" + endYear;
    }
}
