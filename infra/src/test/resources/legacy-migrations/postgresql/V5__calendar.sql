-- Projection: the working-day calendar. One row per loaded year, one per listed day (holiday or make-up
-- working day); an unlisted day is a working day from Monday to Friday. ("year" and "day" are H2 keywords.)
create table calendar_year (
    year_number integer      not null,
    source      varchar(255),
    loaded_at   timestamptz,
    loaded_by   varchar(255),
    primary key (year_number)
);

create table calendar_day (
    day_date    date         not null,
    year_number integer      not null,
    kind        varchar(16)  not null,
    name        varchar(255),
    primary key (day_date)
);
create index ix_calendar_day_year on calendar_day (year_number);
