package org.duban.app.task;

import org.duban.process.calendar.WorkingDays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Weekends only, until the holiday calendar is loaded as data. */
@Configuration(proxyBeanMethods = false)
class FallbackCalendar {

    @Bean
    @ConditionalOnMissingBean(WorkingDays.class)
    WorkingDays weekendsOnly() {
        return new WorkingDays() {
            @Override
            public boolean isWorkingDay(LocalDate day) {
                return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            }

            @Override
            public LocalDate onOrAfter(LocalDate day) {
                LocalDate d = day;
                while (!isWorkingDay(d)) {
                    d = d.plusDays(1);
                }
                return d;
            }

            @Override
            public LocalDate plus(LocalDate day, int workingDays) {
                LocalDate d = onOrAfter(day);
                for (int i = 0; i < workingDays; i++) {
                    d = onOrAfter(d.plusDays(1));
                }
                return d;
            }

            @Override
            public LocalDate minus(LocalDate day, int workingDays) {
                LocalDate d = day;
                for (int i = 0; i < workingDays; i++) {
                    d = d.minusDays(1);
                    while (!isWorkingDay(d)) {
                        d = d.minusDays(1);
                    }
                }
                return d;
            }
        };
    }
}
