package org.duban.query.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.duban.api.calendar.CalendarDay;
import org.duban.api.calendar.CalendarYearView;

import java.time.Instant;
import java.util.List;

/** A loaded year: where its days came from and who loaded them; written only by {@link CalendarProjection}. */
@Entity
@Table(name = "calendar_year")
class CalendarYearEntity {
    @Id
    @Column(name = "year_number")
    private int year;
    private String source;
    @Column(name = "loaded_at")
    private Instant loadedAt;
    @Column(name = "loaded_by")
    private String loadedBy;

    protected CalendarYearEntity() {
    }

    CalendarYearEntity(int year) {
        this.year = year;
    }

    int year() {
        return year;
    }

    void loaded(String source, Instant at, String by) {
        this.source = source;
        this.loadedAt = at;
        this.loadedBy = by;
    }

    CalendarYearView toView(List<CalendarDay> days) {
        return new CalendarYearView(year, days, source, loadedAt, loadedBy);
    }
}
