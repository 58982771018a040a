package org.duban.app.web;

import org.duban.process.WorkflowClock;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Moments as the pages show them: in Asia/Shanghai, the offices' zone, whatever the server's own zone is (a due
 * date at the start of a day in Beijing is the evening before in UTC). Templates call it as {@code @times}.
 */
@Component("times")
public class Times {

    public String format(Object moment, String pattern) {
        if (moment == null) {
            return "";
        }
        TemporalAccessor temporal = moment instanceof Date date ? date.toInstant() : (TemporalAccessor) moment;
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
        return temporal instanceof Instant instant ? formatter.withZone(WorkflowClock.ZONE).format(instant)
                : formatter.format(temporal);
    }
}
