package org.duban.app.supervision.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.supervision.FindStatusList;
import org.duban.api.supervision.IndicatorTrajectory;
import org.duban.api.supervision.NoticeAge;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.StatusFilter;
import org.duban.api.supervision.UnitBoard;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data the dashboard's charts draw, as JSON for the page's {@code <script type="application/json">}: every label in
 * the page's language, every bar and slice with the link to the list behind it. {@code dashboard.js} only draws.
 */
@Component
class DashboardCharts {
    static final Map<StatusFilter, String> STATUS_COLORS = Map.of(StatusFilter.GREEN, "#198754", StatusFilter.AMBER,
            "#e0a800", StatusFilter.RED, "#dc3545", StatusFilter.UNASSESSED, "#adb5bd");
    static final Map<NoticeGrade, String> GRADE_COLORS = Map.of(NoticeGrade.REMINDER, "#0d6efd", NoticeGrade.NOTICE,
            "#e0a800", NoticeGrade.LISTED, "#dc3545");

    private final MessageSource messages;
    private final ObjectMapper json;

    DashboardCharts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String plan(PlanBoard board, List<IndicatorTrajectory> trajectories) {
        Locale locale = LocaleContextHolder.getLocale();
        String base = "/plans/" + board.planId() + "/dashboard";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels(locale));
        data.put("sections", stacked(board.bySection(), locale, (group, filter) -> link(base + "/tasks",
                "section", group.id() == null ? FindStatusList.OUTSIDE_SECTIONS : group.id(), "status", filter.name()),
                message("dashboard.section.outside", locale)));
        data.put("units", stacked(board.byUnit(), locale, (group, filter) -> link(base + "/tasks", "unit", group.id(),
                "status", filter.name()), message("dashboard.unit.none", locale)));
        List<Map<String, Object>> grades = new ArrayList<>();
        for (NoticeGrade grade : NoticeGrade.values()) {
            grades.add(Map.of("key", grade.name(), "name", message("notice.grade." + grade.name(), locale),
                    "value", board.noticesByGrade().get(grade), "color", GRADE_COLORS.get(grade),
                    "link", link(base + "/notices", "grade", grade.name())));
        }
        data.put("grades", grades);
        List<Map<String, Object>> ages = new ArrayList<>();
        for (NoticeAge age : NoticeAge.values()) {
            ages.add(Map.of("key", age.name(), "name", message("dashboard.age." + age.name(), locale),
                    "value", board.noticesByAge().get(age), "link", link(base + "/notices", "age", age.name())));
        }
        data.put("ages", ages);
        data.put("trajectories", trajectories.stream().map(DashboardCharts::trajectory).toList());
        return write(data);
    }

    String unit(UnitBoard board) {
        Locale locale = LocaleContextHolder.getLocale();
        String base = "/units/" + board.unitId() + "/dashboard";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels(locale));
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (StatusFilter filter : StatusFilter.values()) {
            statuses.add(Map.of("key", filter.name(), "name", message("dashboard.status." + filter.name(), locale),
                    "value", board.tasks().of(filter), "color", STATUS_COLORS.get(filter),
                    "link", link(base, "status", filter.name()) + "#tasks"));
        }
        data.put("statuses", statuses);
        List<Map<String, Object>> grades = new ArrayList<>();
        for (NoticeGrade grade : NoticeGrade.values()) {
            grades.add(Map.of("key", grade.name(), "name", message("notice.grade." + grade.name(), locale),
                    "value", board.noticesByGrade().get(grade), "color", GRADE_COLORS.get(grade),
                    "link", "#notices"));
        }
        data.put("grades", grades);
        return write(data);
    }

    interface Link {
        String to(PlanBoard.Group group, StatusFilter filter);
    }

    private Map<String, Object> stacked(List<PlanBoard.Group> groups, Locale locale, Link link, String unnamed) {
        List<String> categories = groups.stream().map(group -> group.name() == null ? unnamed : group.name()).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (StatusFilter filter : StatusFilter.values()) {
            series.add(Map.of("key", filter.name(), "name", message("dashboard.status." + filter.name(), locale),
                    "color", STATUS_COLORS.get(filter),
                    "data", groups.stream().map(group -> group.counts().of(filter)).toList(),
                    "links", groups.stream().map(group -> link.to(group, filter)).toList()));
        }
        return Map.of("categories", categories, "series", series);
    }

    private static Map<String, Object> trajectory(IndicatorTrajectory indicator) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", indicator.indicatorId());
        line.put("name", indicator.name());
        line.put("unitOfMeasure", indicator.unitOfMeasure());
        line.put("low", indicator.path().stream().filter(point -> point.low() != null)
                .map(point -> List.of(point.at().toString(), point.low())).toList());
        // a range or an upper bound has its own line; an exact target's high bound is its low one
        boolean range = indicator.path().stream().anyMatch(point -> point.high() != null
                && (point.low() == null || point.high().compareTo(point.low()) != 0));
        line.put("high", !range ? List.of() : indicator.path().stream().filter(point -> point.high() != null)
                .map(point -> List.of(point.at().toString(), point.high())).toList());
        line.put("values", indicator.values().stream().filter(value -> value.value() != null && value.periodEnd() != null)
                .map(value -> List.of(value.periodEnd().toString(), value.value())).toList());
        if (indicator.baselineYear() != null && indicator.baselineValue() != null) {
            line.put("baseline", List.of(indicator.baselineYear() + "-12-31", indicator.baselineValue()));
        }
        line.put("targetLow", indicator.targetLow());
        line.put("targetHigh", indicator.targetHigh());
        return line;
    }

    private Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("tasks", "notices", "path", "pathLow", "pathHigh", "reported", "baseline", "target",
                "targetBand")) {
            labels.put(key, message("dashboard.chart." + key, locale));
        }
        return labels;
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String link(String path, String... parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                uri.queryParam(parameters[i], parameters[i + 1]);
            }
        }
        return uri.encode().build().toUriString();
    }

    /**
     * JSON that cannot end the script element it is written into or open another: {@code <}, {@code >} and {@code &}
     * appear only inside strings, where their escapes mean the same.
     */
    private String write(Object data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dashboard's data cannot be written as JSON", e);
        }
    }
}
