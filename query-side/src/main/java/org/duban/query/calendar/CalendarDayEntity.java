package org.duban.query.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.DayKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;

/** A listed day of a loaded year; written only by {@link CalendarProjection}. */
@Entity
@Table(name = "calendar_day")
class CalendarDayEntity {
    @Id
    @Column(name = "day_date")
    private LocalDate date;
    @Column(name = "year_number")
    private int year;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private DayKind kind;
    private String name;

    protected CalendarDayEntity() {
    }

    CalendarDayEntity(CalendarDay day) {
        this.date = day.date();
        this.year = day.date().getYear();
        change(day);
    }

    LocalDate date() {
        return date;
    }

    void change(CalendarDay day) {
        this.kind = day.kind();
        this.name = day.name();
    }

    CalendarDay toDay() {
        return new CalendarDay(date, kind, name);
    }
}
