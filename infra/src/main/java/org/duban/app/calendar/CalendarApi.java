package org.duban.app.calendar;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.calendar.CalendarYearView;
import org.duban.api.calendar.CalendarYears;
import org.duban.api.calendar.FindCalendarYear;
import org.duban.api.calendar.ListCalendarYears;
import org.duban.api.calendar.LoadCalendarYear;
import org.duban.app.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** JSON API of the working-day calendar (工作日历): read by everyone, loaded by an administrator. */
@RestController
@RequestMapping("/api/calendar")
class CalendarApi {
    static final String TEXT_CSV = "text/csv";
    private final CommandGateway commands;
    private final QueryGateway queries;

    CalendarApi(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Every loaded year with its holidays and make-up working days. */
    @GetMapping
    List<CalendarYearView> list() {
        return queries.query(new ListCalendarYears(), ResponseTypes.multipleInstancesOf(CalendarYearView.class)).join();
    }

    @GetMapping("/{year}")
    CalendarYearView get(@PathVariable int year) {
        return find(year);
    }

    /**
     * Loads the year, or replaces it, from CSV text in UTF-8: the header {@code date,kind,name}, then one line per
     * holiday ({@code HOLIDAY}) or make-up working day ({@code WORKDAY}); lines starting with {@code #} are comments.
     * A file with any bad line changes nothing and is answered with 400 naming each bad line.
     *
     * @param source where the days come from, e.g. the number of the State Council's notice; {@code upload} if absent
     */
    @PutMapping(path = "/{year}", consumes = {TEXT_CSV, "text/plain"})
    @PreAuthorize("hasRole('ADMIN')")
    CalendarYearView load(@PathVariable int year, @RequestBody(required = false) byte[] csv,
                          @RequestParam(required = false) String source) {
        CalendarYears.check(year);
        CalendarCsv.CalendarFile file = CalendarCsv.read(year, csv);
        commands.sendAndWait(LoadCalendarYear.of(year, file.days(),
                source == null || source.isBlank() ? "upload" : source));
        return find(year);
    }

    private CalendarYearView find(int year) {
        return queries.query(new FindCalendarYear(year), ResponseTypes.optionalInstanceOf(CalendarYearView.class)).join()
                .orElseThrow(() -> new NotFound("no working-day calendar is loaded for " + year));
    }
}
