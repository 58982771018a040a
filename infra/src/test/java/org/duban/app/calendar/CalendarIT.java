package org.duban.app.calendar;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.duban.api.MetadataKeys;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.process.calendar.WorkingDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar through HTTP: shipped years, an administrator's upload, refusals that change nothing, working days. */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class CalendarIT {
    private static final String CSV_2028 = """
            # 2028, as an administrator would type it
            date,kind,name
            2028-01-01,HOLIDAY,元旦
            2028-01-26,HOLIDAY,春节
            2028-01-27,HOLIDAY,春节
            2028-01-29,WORKDAY,春节调休
            """;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    WorkingDays workingDays;

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "duban");
    }

    private ResponseEntity<Map> put(String user, int year, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        return as(user).exchange("/api/calendar/" + year, HttpMethod.PUT,
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), Map.class);
    }

    private ResponseEntity<Map> get(int year) {
        return as("health").getForEntity("/api/calendar/" + year, Map.class);
    }

    private List<? extends DomainEventMessage<?>> events(int year) {
        return eventStore.readEvents("calendar-" + year).asStream().toList();
    }

    @Test
    void the_shipped_years_are_loaded_by_the_system_and_listed() {
        ResponseEntity<List> list = as("health").getForEntity("/api/calendar", List.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map> years = list.getBody();
        assertThat(years).extracting(year -> year.get("year")).contains(2025, 2026, 2027);
        Map y2025 = years.stream().filter(year -> year.get("year").equals(2025)).findFirst().orElseThrow();
        assertThat(y2025).containsEntry("source", "shipped:cn-2025.csv").containsEntry("loadedBy", "system");
        assertThat((List<Map>) y2025.get("days")).hasSize(33)
                .contains(Map.of("date", "2025-01-28", "kind", "HOLIDAY", "name", "春节"),
                        Map.of("date", "2025-01-26", "kind", "WORKDAY", "name", "春节调休"));
        assertThat(get(2027).getBody()).containsEntry("source", "shipped:cn-2027.csv (provisional)");
        assertThat(events(2025)).singleElement().satisfies(event -> assertThat(event.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_USER, MetadataKeys.SYSTEM_ACTOR)
                .containsEntry(MetadataKeys.ACTOR_ROLE, "SYSTEM"));
    }

    @Test
    void an_administrator_loads_a_year_reads_it_back_and_replaces_it() {
        ResponseEntity<Map> loaded = put("admin", 2028, CSV_2028);

        assertThat(loaded.getStatusCode()).as("%s", loaded.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> read = as("supervisor").getForEntity("/api/calendar/2028", Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("year", 2028).containsEntry("source", "upload")
                .containsEntry("loadedBy", "admin").containsKey("loadedAt");
        assertThat((List<Map>) read.getBody().get("days")).containsExactly(
                Map.of("date", "2028-01-01", "kind", "HOLIDAY", "name", "元旦"),
                Map.of("date", "2028-01-26", "kind", "HOLIDAY", "name", "春节"),
                Map.of("date", "2028-01-27", "kind", "HOLIDAY", "name", "春节"),
                Map.of("date", "2028-01-29", "kind", "WORKDAY", "name", "春节调休"));
        assertThat(events(2028)).singleElement().satisfies(event -> assertThat(event.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_USER, "admin").containsEntry(MetadataKeys.ACTOR_ROLE, "ADMIN"));

        assertThat(put("admin", 2028, CSV_2028).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(events(2028)).as("the same file again changes nothing").hasSize(1);

        ResponseEntity<Map> replaced = put("admin", 2028, """
                date,kind,name
                2028-01-01,HOLIDAY,元旦
                2028-01-26,HOLIDAY,春节
                2028-01-28,HOLIDAY,春节
                """);
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(events(2028)).hasSize(2);
        assertThat((List<Map>) get(2028).getBody().get("days")).extracting(day -> day.get("date"))
                .containsExactly("2028-01-01", "2028-01-26", "2028-01-28");
    }

    @Test
    void only_an_administrator_loads_a_year() {
        Map before = get(2025).getBody();

        assertThat(put("supervisor", 2029, CSV_2028.replace("2028", "2029")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("supervisor", 2025, "date,kind,name\n2025-03-03,HOLIDAY,x\n").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/calendar/2025", HttpMethod.GET, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> missing = get(2029);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).containsEntry("detail", "no working-day calendar is loaded for 2029");
        assertThat(events(2029)).isEmpty();
        assertThat(get(2025).getBody()).isEqualTo(before);
    }

    @Test
    void a_bad_file_is_refused_naming_the_line_and_changes_nothing() {
        Map before = get(2025).getBody();

        ResponseEntity<Map> badDate = put("admin", 2030, """
                date,kind,name
                2030-01-01,HOLIDAY,元旦
                2030-02-30,HOLIDAY,春节
                """);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).containsEntry("detail",
                "the calendar of 2030 is not loaded: line 3: \"2030-02-30\" is not a date of the form 2025-01-28");
        assertThat(get(2030).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> badReplacement = put("admin", 2025, """
                date,kind,name
                2025-01-01,HOLIDAY,元旦
                2025-01-27,WORKDAY,春节调休
                2025-01-01,HOLIDAY,元旦
                2025-01-28,DAYOFF,春节
                2024-12-31,HOLIDAY,
                """);
        assertThat(badReplacement.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badReplacement.getBody().get("detail")).contains(
                "line 3: 2025-01-27 is a Monday; a WORKDAY (调休) must be a Saturday or Sunday",
                "line 4: 2025-01-01 is already listed on line 2",
                "line 5: kind \"DAYOFF\" is neither HOLIDAY nor WORKDAY",
                "line 6: 2024-12-31 is not in 2025");
        assertThat(get(2025).getBody()).isEqualTo(before);
        assertThat(events(2025)).hasSize(1);

        assertThat(put("admin", 1999, "date,kind,name\n1999-01-01,HOLIDAY,元旦\n").getBody())
                .containsEntry("detail", "year 1999 must be between 2000 and 2100");
        assertThat(as("health").getForEntity("/api/calendar/next", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void working_days_are_counted_on_the_loaded_calendar() {
        assertThat(workingDays.onOrAfter(LocalDate.of(2025, 10, 1))).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(workingDays.plus(LocalDate.of(2025, 9, 26), 1)).isEqualTo(LocalDate.of(2025, 9, 28));
        assertThat(workingDays.minus(LocalDate.of(2025, 10, 9), 1)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).as("春节调休 2026, a Saturday").isTrue();

        // not loaded yet: weekends only, remembered until the year is loaded
        assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 1, 1))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 1, 3))).isFalse();

        assertThat(put("admin", 2032, """
                date,kind,name
                2032-01-01,HOLIDAY,元旦
                2032-01-02,HOLIDAY,元旦
                2032-01-03,WORKDAY,元旦调休
                """).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 1, 1))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2032, 1, 3))).isTrue();
        assertThat(workingDays.onOrAfter(LocalDate.of(2032, 1, 1))).isEqualTo(LocalDate.of(2032, 1, 3));
    }

    @Test
    void the_calendar_api_is_documented() {
        ResponseEntity<Map> openApi = as("health").getForEntity("/v3/api-docs", Map.class);
        assertThat((Map<String, Object>) openApi.getBody().get("paths"))
                .containsKeys("/api/calendar", "/api/calendar/{year}");
    }
}
