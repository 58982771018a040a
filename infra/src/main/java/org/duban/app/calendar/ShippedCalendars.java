package org.duban.app.calendar;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.calendar.CalendarYearView;
import org.duban.api.calendar.FindCalendarYear;
import org.duban.api.calendar.LoadCalendarYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At start-up, loads each calendar shipped under {@code calendar/cn-<year>.csv} whose year is not loaded yet, as the
 * system. A year already loaded is left alone, so an administrator's own data are never overwritten by a restart.
 */
@Component
class ShippedCalendars implements ApplicationRunner {
    static final String LOCATION = "classpath:calendar/cn-*.csv";
    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.csv");
    private static final Logger log = LoggerFactory.getLogger(ShippedCalendars.class);

    private final CommandGateway commands;
    private final QueryGateway queries;

    ShippedCalendars(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Resource resource : shipped()) {
            Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
            if (!name.matches()) {
                continue;
            }
            int year = Integer.parseInt(name.group(1));
            if (queries.query(new FindCalendarYear(year), ResponseTypes.optionalInstanceOf(CalendarYearView.class))
                    .join().isPresent()) {
                continue;
            }
            CalendarCsv.CalendarFile file = CalendarCsv.read(year, content(resource));
            commands.sendAndWait(LoadCalendarYear.of(year, file.days(), source(resource.getFilename(), file)));
            if (file.provisional()) {
                log.warn("loaded the provisional working-day calendar of {} ({} days): replace it when the State "
                        + "Council publishes the year's holidays", year, file.days().size());
            } else {
                log.info("loaded the shipped working-day calendar of {} ({} days)", year, file.days().size());
            }
        }
    }

    static String source(String fileName, CalendarCsv.CalendarFile file) {
        return "shipped:" + fileName + (file.provisional() ? " (provisional)" : "");
    }

    private static Resource[] shipped() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename, Comparator.nullsFirst(Comparator.naturalOrder())));
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped calendars cannot be listed", e);
        }
    }

    private static byte[] content(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped calendar " + resource.getFilename() + " cannot be read", e);
        }
    }
}
