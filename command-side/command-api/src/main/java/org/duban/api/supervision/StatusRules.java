package org.duban.api.supervision;

/**
 * The thresholds of the on-schedule status rules (序时进度, 红黄绿), configured under {@code duban.supervision.status.*}.
 * Shares and gaps are percentage points. {@link #defaults()} are the values documented in SUPERVISION-status.md.
 *
 * @param taskAmberLag       a task is AMBER ({@code task.behind}) when its reported percent trails the elapsed share of
 *                           its span by more than this many points (default 15)
 * @param taskRedLag         … and RED ({@code task.lagging}) when it trails by more than this (default 30)
 * @param earlyShare         nothing reported (task) or no value recorded (indicator) yet is GREEN while at most this
 *                           share of the span has elapsed ({@code task.early}, {@code indicator.early}), AMBER after
 *                           (default 25)
 * @param expectedAmberGap   an expected (预期性) indicator is AMBER when its latest value falls short of the on-schedule
 *                           value by more than this share of the whole way from baseline to target (default 10)
 * @param expectedRedGap     … and RED beyond this share (default 25)
 * @param bindingAmberGap    the same for a binding (约束性) indicator, stricter (default 5)
 * @param bindingRedGap      … stricter (default 15)
 */
public record StatusRules(int taskAmberLag, int taskRedLag, int earlyShare, int expectedAmberGap, int expectedRedGap,
                          int bindingAmberGap, int bindingRedGap) {
    public StatusRules {
        points(taskAmberLag, "taskAmberLag");
        points(taskRedLag, "taskRedLag");
        points(earlyShare, "earlyShare");
        points(expectedAmberGap, "expectedAmberGap");
        points(expectedRedGap, "expectedRedGap");
        points(bindingAmberGap, "bindingAmberGap");
        points(bindingRedGap, "bindingRedGap");
        if (taskRedLag < taskAmberLag) {
            throw new IllegalArgumentException("taskRedLag " + taskRedLag + " is below taskAmberLag " + taskAmberLag);
        }
        if (expectedRedGap < expectedAmberGap) {
            throw new IllegalArgumentException("expectedRedGap " + expectedRedGap + " is below expectedAmberGap "
                    + expectedAmberGap);
        }
        if (bindingRedGap < bindingAmberGap) {
            throw new IllegalArgumentException("bindingRedGap " + bindingRedGap + " is below bindingAmberGap "
                    + bindingAmberGap);
        }
    }

    public static StatusRules defaults() {
        return new StatusRules(15, 30, 25, 10, 25, 5, 15);
    }

    private static void points(int value, String field) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(field + " must be between 0 and 100 percentage points, not " + value);
        }
    }
}
