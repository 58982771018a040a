package org.duban.query.calendar;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

interface CalendarYearRepository extends JpaRepository<CalendarYearEntity, Integer> {
    List<CalendarYearEntity> findAllByOrderByYear();
}

interface CalendarDayRepository extends JpaRepository<CalendarDayEntity, LocalDate> {
    List<CalendarDayEntity> findByYearOrderByDate(int year);

    List<CalendarDayEntity> findAllByOrderByDate();
}
