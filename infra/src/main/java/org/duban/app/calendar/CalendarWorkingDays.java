package org.duban.app.calendar;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearLoaded;
import org.duban.api.calendar.CalendarYearView;
import org.duban.api.calendar.CalendarYears;
import org.duban.api.calendar.DayKind;
import org.duban.api.calendar.FindCalendarYear;
import org.duban.process.calendar.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Working days as the loaded calendar says: a listed HOLIDAY is off, a listed WORKDAY (调休) is worked, any other day
 * is worked from Monday to Friday. A year with no calendar loaded counts weekends only, and says so once in the log.
 * Each year is read once and kept until a CalendarYearLoaded event for it has been committed on this node, or until the
 * calendar's version (how many years are loaded and when the last was) differs from the one the kept years were read
 * at: another node sharing the database loaded a year. That version is one small query per question asked.
 */
@Component
@ProcessingGroup(CalendarWorkingDays.PROCESSING_GROUP)
class CalendarWorkingDays implements WorkingDays {
    static final String PROCESSING_GROUP = "working-days-cache";
    /** No calendar is all holidays; a search this long means the data are wrong, not that the answer is far. */
    private static final int SEARCH_LIMIT_DAYS = 3660;
    private static final Logger log = LoggerFactory.getLogger(CalendarWorkingDays.class);

    private final IntFunction<Optional<List<CalendarDay>>> loadedDays;
    private final Supplier<Object> version;
    /** The version the kept years were read at. */
    private Object keptVersion;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    /** Counts forgotten years, so a read that raced with a load does not put the old days back. */
    private long forgotten;

    @Autowired
    CalendarWorkingDays(QueryGateway queries, JdbcTemplate jdbc) {
        this(year -> queries.query(new FindCalendarYear(year), ResponseTypes.optionalInstanceOf(CalendarYearView.class))
                .join().map(CalendarYearView::days),
                () -> jdbc.queryForList("select count(*), max(loaded_at) from calendar_year").get(0).values().stream()
                        .map(String::valueOf).toList());
    }

    /** @param loadedDays the listed days of a year, empty when the year is not loaded */
    CalendarWorkingDays(IntFunction<Optional<List<CalendarDay>>> loadedDays) {
        this(loadedDays, () -> null);
    }

    /** @param version a value that changes whenever a year is loaded, on any node */
    CalendarWorkingDays(IntFunction<Optional<List<CalendarDay>>> loadedDays, Supplier<Object> version) {
        this.loadedDays = loadedDays;
        this.version = version;
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        checkVersion();
        return working(day);
    }

    private boolean working(LocalDate day) {
        DayKind listed = year(day.getYear()).days().get(day);
        if (listed != null) {
            return listed == DayKind.WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate onOrAfter(LocalDate day) {
        checkVersion();
        return nearest(day, 1);
    }

    @Override
    public LocalDate plus(LocalDate day, int workingDays) {
        requireNotNegative(workingDays);
        checkVersion();
        LocalDate result = nearest(day, 1);
        for (int i = 0; i < workingDays; i++) {
            result = nearest(result.plusDays(1), 1);
        }
        return result;
    }

    /** Counts back from the day itself when it is a working day, otherwise from the working day before it. */
    @Override
    public LocalDate minus(LocalDate day, int workingDays) {
        requireNotNegative(workingDays);
        checkVersion();
        LocalDate result = nearest(day, -1);
        for (int i = 0; i < workingDays; i++) {
            result = nearest(result.minusDays(1), -1);
        }
        return result;
    }

    @EventHandler
    void on(CalendarYearLoaded event) {
        forget(event.year());
        // subscribing handlers run before the commit: forget again once the new days are visible to every reader
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> forget(event.year())));
    }

    @ResetHandler
    void reset() {
        synchronized (lock) {
            forgotten++;
            years.clear();
        }
    }

    /** Forgets every kept year when the calendar changed since they were read (on another node, say). */
    private void checkVersion() {
        Object now = version.get();
        synchronized (lock) {
            if (!Objects.equals(now, keptVersion)) {
                forgotten++;
                years.clear();
                keptVersion = now;
            }
        }
    }

    private void forget(int year) {
        synchronized (lock) {
            forgotten++;
            years.remove(year);
        }
    }

    private LocalDate nearest(LocalDate day, int step) {
        Objects.requireNonNull(day, "day");
        LocalDate candidate = day;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
            if (working(candidate)) {
                return candidate;
            }
            candidate = candidate.plusDays(step);
        }
        throw new IllegalStateException("no working day within " + SEARCH_LIMIT_DAYS + " days "
                + (step > 0 ? "after " : "before ") + day + ": check the loaded calendar");
    }

    private Year year(int year) {
        Year known = years.get(year);
        if (known != null) {
            return known;
        }
        long before;
        synchronized (lock) {
            before = forgotten;
        }
        Year read = read(year);
        synchronized (lock) {
            if (forgotten == before) {
                years.putIfAbsent(year, read);
            }
        }
        return read;
    }

    private Year read(int year) {
        boolean loadable = year >= CalendarYears.FIRST && year <= CalendarYears.LAST;
        Optional<List<CalendarDay>> days = loadable ? loadedDays.apply(year) : Optional.empty();
        if (days.isEmpty()) {
            if (warned.add(year)) {
                log.warn("no working-day calendar is loaded for {}: counting only Saturdays and Sundays as days off {}",
                        year, loadable ? "(an administrator loads it with PUT /api/calendar/" + year + ")"
                                : "(calendars are kept for " + CalendarYears.FIRST + "–" + CalendarYears.LAST + ")");
            }
            return new Year(Map.of());
        }
        return new Year(days.get().stream().collect(Collectors.toUnmodifiableMap(CalendarDay::date, CalendarDay::kind)));
    }

    private static void requireNotNegative(int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative, not " + workingDays);
        }
    }

    private record Year(Map<LocalDate, DayKind> days) {
    }
}
