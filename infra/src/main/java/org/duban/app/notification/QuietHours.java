package org.duban.app.notification;

import org.duban.process.calendar.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When messages may go out: on working days of the calendar (make-up working days included, public holidays not)
 * between the end of the night and its start, by default 08:30 to 20:00 in Asia/Shanghai. Listed supervision
 * (挂牌督办) is sent at any time.
 */
final class QuietHours {
    private final WorkingDays workingDays;
    private final LocalTime from;
    private final LocalTime until;
    private final ZoneId zone;

    /** @param from the start of the night, {@code until} its end the next morning; {@code until} is before {@code from} */
    QuietHours(WorkingDays workingDays, LocalTime from, LocalTime until, ZoneId zone) {
        this.workingDays = workingDays;
        this.from = from;
        this.until = until;
        this.zone = zone;
    }

    QuietHours(WorkingDays workingDays, NotificationProperties properties) {
        this(workingDays, properties.quietFrom(), properties.quietUntil(), properties.zone());
    }

    boolean allows(Instant at, boolean listed) {
        return listed || nextAllowed(at).equals(at);
    }

    /** The moment itself when sending is allowed then, else the next moment it is. */
    Instant nextAllowed(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (workingDays.isWorkingDay(day)) {
            if (time.isBefore(until)) {
                return day.atTime(until).atZone(zone).toInstant();
            }
            if (time.isBefore(from)) {
                return at;
            }
        }
        return workingDays.onOrAfter(day.plusDays(1)).atTime(until).atZone(zone).toInstant();
    }
}
