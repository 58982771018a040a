package org.duban.api.supervision;

/** How many tasks stand at each status, and how many have not been assessed yet. */
public record StatusCounts(int green, int amber, int red, int unassessed) {
    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0);

    public int total() {
        return green + amber + red + unassessed;
    }

    public int of(StatusFilter filter) {
        return switch (filter) {
            case GREEN -> green;
            case AMBER -> amber;
            case RED -> red;
            case UNASSESSED -> unassessed;
        };
    }

    /** These counts with {@code count} more tasks of that status ({@code null}: not assessed). */
    public StatusCounts plus(RagStatus status, int count) {
        if (status == null) {
            return new StatusCounts(green, amber, red, unassessed + count);
        }
        return switch (status) {
            case GREEN -> new StatusCounts(green + count, amber, red, unassessed);
            case AMBER -> new StatusCounts(green, amber + count, red, unassessed);
            case RED -> new StatusCounts(green, amber, red + count, unassessed);
        };
    }
}
