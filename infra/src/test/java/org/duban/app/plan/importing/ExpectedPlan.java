package org.duban.app.plan.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a corpus document must import as, read from the {@code <name>.expected.json} beside it, and the comparison
 * with what the importer made of it: a {@link PlanContent} (unit tests) or the plan tree read back over HTTP
 * (integration tests). The expectations are written from the document, never from the importer's output.
 *
 * <p>The file holds {@code formats} (the files {@code <name>.<format>} beside it), {@code sections} in document order
 * ({@code level}, {@code code}, {@code title}), {@code tasks} ({@code code}, {@code section}: the headings from level 1
 * down joined by " / ", {@code text}: how the task text begins, {@code lead}, {@code coUnits}, {@code dueDate}),
 * {@code indicators} ({@code code}, {@code name}, {@code unitOfMeasure}, {@code baseline} and {@code target} as
 * written, {@code task}: the code of the task that states it; optionally {@code attribute} and
 * {@code responsibleUnits}), {@code refusedRows} and {@code skippedRows} (a row number, or
 * {@code {"table": …, "row": …, "formats": […]}} where a file has several tables) and {@code notes}.
 */
final class ExpectedPlan {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".expected.json";

    record Section(int level, String code, String title) {
    }

    record Task(String code, String section, String text, String lead, List<String> coUnits, String dueDate) {
        Task withText(String shown) {
            return new Task(code, section, shown, lead, coUnits, dueDate);
        }
    }

    record Indicator(String code, String name, String unitOfMeasure, String baseline, String target, String task,
                     String attribute, List<String> responsibleUnits) {
    }

    /** A row the importer must refuse or skip; without a table it is the one non-empty row of that number. */
    record RowRef(String table, int row, List<String> formats) {
        boolean appliesTo(String format) {
            return formats.isEmpty() || formats.contains(format);
        }
    }

    /** A row of a file: its table (sheet, "表格 2", file name, "正文") and its number there. */
    record Place(String table, int row) {
        @Override
        public String toString() {
            return table + " row " + row;
        }
    }

    /** What an import made of a file, in the terms the expected file uses. */
    record Outcome(List<Section> sections, List<Task> tasks, List<Indicator> indicators) {
    }

    private final String name;
    private final Path folder;
    private final List<String> formats;
    private final List<Section> sections;
    private final List<Task> tasks;
    private final List<Indicator> indicators;
    private final List<RowRef> refusedRows;
    private final List<RowRef> skippedRows;
    private final String notes;

    private ExpectedPlan(String name, Path folder, JsonNode json) {
        this.name = name;
        this.folder = folder;
        this.formats = strings(json.get("formats"));
        this.sections = list(json.get("sections"), s -> new Section(s.get("level").asInt(), text(s.get("code")),
                text(s.get("title"))));
        this.tasks = list(json.get("tasks"), t -> new Task(text(t.get("code")), text(t.get("section")),
                text(t.get("text")), text(t.get("lead")), strings(t.get("coUnits")), text(t.get("dueDate"))));
        this.indicators = list(json.get("indicators"), i -> new Indicator(text(i.get("code")), text(i.get("name")),
                text(i.get("unitOfMeasure")), text(i.get("baseline")), text(i.get("target")), text(i.get("task")),
                text(i.get("attribute")), i.hasNonNull("responsibleUnits") ? strings(i.get("responsibleUnits")) : null));
        this.refusedRows = list(json.get("refusedRows"), ExpectedPlan::rowRef);
        this.skippedRows = list(json.get("skippedRows"), ExpectedPlan::rowRef);
        this.notes = text(json.get("notes"));
    }

    /** Every expected file of a corpus folder on the test class path: {@code import-corpus/tables}, {@code …/text}. */
    static List<ExpectedPlan> all(String corpus) {
        Path folder = folder(corpus);
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .map(ExpectedPlan::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus folder on the test class path, or null when there is none. */
    static Path folder(String corpus) {
        URL url = ExpectedPlan.class.getResource("/import-corpus/" + corpus);
        try {
            return url == null ? null : Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url + " is not a folder", e);
        }
    }

    static ExpectedPlan read(Path file) {
        String fileName = file.getFileName().toString();
        try {
            return new ExpectedPlan(fileName.substring(0, fileName.length() - SUFFIX.length()), file.getParent(),
                    JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not readable JSON", e);
        }
    }

    String name() {
        return name;
    }

    List<String> formats() {
        return formats;
    }

    List<Task> tasks() {
        return tasks;
    }

    int sectionCount() {
        return sections.size();
    }

    List<Indicator> indicators() {
        return indicators;
    }

    String notes() {
        return notes;
    }

    boolean refusesImport() {
        return !refusedRows.isEmpty();
    }

    String fileName(String format) {
        return name + "." + format;
    }

    Path file(String format) {
        return folder.resolve(fileName(format));
    }

    byte[] content(String format) {
        try {
            return Files.readAllBytes(file(format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unit names as the expected file writes them: every lead and co-unit, and the indicators' units. */
    Set<String> unitNames() {
        Set<String> names = new LinkedHashSet<>();
        tasks.forEach(task -> {
            names.add(task.lead());
            names.addAll(task.coUnits());
        });
        indicators.stream().filter(i -> i.responsibleUnits() != null).forEach(i -> names.addAll(i.responsibleUnits()));
        return names;
    }

    @Override
    public String toString() {
        return name;
    }

    // --- what the importer made of the file ---------------------------------------------------------------------

    /** A plan read by an interpreter; the lead is the first unit name, the co-units the others. */
    static Outcome of(PlanContent plan) {
        Map<String, SectionDraft> byKey = plan.sections().stream()
                .collect(Collectors.toMap(SectionDraft::key, Function.identity(), (a, b) -> a));
        List<Section> sections = plan.sections().stream()
                .map(s -> new Section(s.level(), s.code(), s.title())).toList();
        Map<Integer, String> taskCodes = new HashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (TaskDraft task : plan.tasks()) {
            taskCodes.put(task.number(), task.code());
            List<String> units = task.unitNames() == null ? List.of() : task.unitNames();
            tasks.add(new Task(task.code(), path(task.sectionKey(), byKey), task.text(),
                    units.isEmpty() ? null : units.get(0), units.isEmpty() ? List.of() : units.subList(1, units.size()),
                    task.dueDate() == null ? null : task.dueDate().toString()));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorDraft indicator : plan.indicators()) {
            indicators.add(new Indicator(indicator.code(), indicator.name(), indicator.unitOfMeasure(),
                    indicator.baseline() == null ? null : indicator.baseline().asWritten(),
                    indicator.target() == null ? null : indicator.target().asWritten(),
                    indicator.taskNumber() == null ? null : taskCodes.get(indicator.taskNumber()),
                    indicator.attribute() == null ? null : indicator.attribute().name(), indicator.unitNames()));
        }
        return new Outcome(sections, tasks, indicators);
    }

    private static String path(String sectionKey, Map<String, SectionDraft> byKey) {
        List<String> headings = new ArrayList<>();
        for (SectionDraft section = sectionKey == null ? null : byKey.get(sectionKey); section != null;
             section = section.parentKey() == null ? null : byKey.get(section.parentKey())) {
            headings.add(0, section.code() + section.title());
        }
        return sectionKey == null ? null : String.join(" / ", headings);
    }

    /**
     * A plan read back from {@code GET /api/plans/{id}/tree} as JSON: the tasks of every section and its children,
     * and the tasks under no section ({@code unsectionedTasks}), in the order of their place in the plan.
     */
    @SuppressWarnings("unchecked")
    static Outcome ofTree(Map<String, Object> tree) {
        List<Section> sections = new ArrayList<>();
        List<Map<String, Object>> taskViews = new ArrayList<>();
        Map<Map<String, Object>, String> taskSections = new HashMap<>();
        walk((List<Map<String, Object>>) tree.get("sections"), null, sections, taskViews, taskSections);
        for (Map<String, Object> task : maps(tree.get("unsectionedTasks"))) {
            taskViews.add(task);
            taskSections.put(task, null);
        }
        taskViews.sort(Comparator.comparingInt(task -> ((Number) task.get("number")).intValue()));
        Map<String, String> codeOfTask = new HashMap<>();
        List<Task> tasks = new ArrayList<>();
        for (Map<String, Object> task : taskViews) {
            codeOfTask.put((String) task.get("taskId"), (String) task.get("code"));
            tasks.add(new Task((String) task.get("code"), taskSections.get(task), (String) task.get("text"),
                    unitName(task.get("leadUnit")), maps(task.get("coUnits")).stream().map(ExpectedPlan::unitName).toList(),
                    (String) task.get("dueDate")));
        }
        List<Map<String, Object>> indicatorViews = new ArrayList<>(maps(tree.get("indicators")));
        indicatorViews.sort(Comparator.comparingInt(indicator -> ((Number) indicator.get("number")).intValue()));
        List<Indicator> indicators = indicatorViews.stream().map(i -> new Indicator((String) i.get("code"),
                (String) i.get("name"), (String) i.get("unitOfMeasure"), asWritten(i.get("baseline")),
                asWritten(i.get("target")), i.get("taskId") == null ? null : codeOfTask.get((String) i.get("taskId")),
                (String) i.get("attribute"), maps(i.get("responsibleUnits")).stream().map(ExpectedPlan::unitName).toList()))
                .toList();
        return new Outcome(sections, tasks, indicators);
    }

    @SuppressWarnings("unchecked")
    private static void walk(List<Map<String, Object>> level, String parent, List<Section> sections,
                             List<Map<String, Object>> tasks, Map<Map<String, Object>, String> taskSections) {
        for (Map<String, Object> section : level == null ? List.<Map<String, Object>>of() : level) {
            String code = Objects.requireNonNullElse((String) section.get("code"), "");
            String heading = code + section.get("title");
            String path = parent == null ? heading : parent + " / " + heading;
            sections.add(new Section(((Number) section.get("level")).intValue(), code, (String) section.get("title")));
            for (Map<String, Object> task : maps(section.get("tasks"))) {
                tasks.add(task);
                taskSections.put(task, path);
            }
            walk((List<Map<String, Object>>) section.get("children"), path, sections, tasks, taskSections);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static String unitName(Object unit) {
        return unit == null ? null : (String) ((Map<String, Object>) unit).get("name");
    }

    @SuppressWarnings("unchecked")
    private static String asWritten(Object value) {
        return value == null ? null : (String) ((Map<String, Object>) value).get("asWritten");
    }

    // --- comparing ----------------------------------------------------------------------------------------------

    /**
     * The sections per level, the tasks (printed number, section, how the text begins, lead, co-units, due date)
     * and the indicators are those of the document, in its order; nothing missing, nothing more.
     */
    void assertSameAs(Outcome actual, String what) {
        assertThat(actual.sections()).as("sections of %s", what).containsExactlyElementsOf(sections);
        List<Task> shown = new ArrayList<>();
        for (int i = 0; i < actual.tasks().size(); i++) {
            Task task = actual.tasks().get(i);
            int length = i < tasks.size() ? tasks.get(i).text().length() : 10;
            shown.add(task.withText(task.text() == null || task.text().length() <= length ? task.text()
                    : task.text().substring(0, length)));
        }
        assertThat(shown).as("tasks of %s", what).containsExactlyElementsOf(tasks);
        List<Indicator> compared = new ArrayList<>();
        for (int i = 0; i < actual.indicators().size(); i++) {
            Indicator indicator = actual.indicators().get(i);
            // attribute and responsible units are compared where the expected file states them
            Indicator expected = i < indicators.size() ? indicators.get(i) : null;
            compared.add(new Indicator(indicator.code(), indicator.name(), indicator.unitOfMeasure(),
                    indicator.baseline(), indicator.target(), indicator.task(),
                    expected != null && expected.attribute() == null ? null : indicator.attribute(),
                    expected != null && expected.responsibleUnits() == null ? null : indicator.responsibleUnits()));
        }
        assertThat(compared).as("indicators of %s", what).containsExactlyElementsOf(indicators);
    }

    /**
     * Every non-empty row of the file has exactly one outcome; the rows the document cannot give are refused or
     * skipped as expected and no other row is refused; there is one task and one indicator outcome per expected
     * task and indicator.
     */
    void assertEveryRowAccountedFor(String format, List<SourceTable> tables, List<RowOutcome> rows) {
        String file = fileName(format);
        List<Place> nonEmpty = tables.stream().flatMap(table -> table.rows().stream().filter(row -> !row.isBlank())
                .map(row -> new Place(table.name(), row.number()))).toList();
        assertThat(rows.stream().map(row -> new Place(row.table(), row.row())).toList())
                .as("one outcome for each non-empty row of %s", file).containsExactlyInAnyOrderElementsOf(nonEmpty);
        assertThat(placesOf(rows, RowOutcome.Kind.REFUSED)).as("rows of %s refused", file)
                .containsExactlyInAnyOrderElementsOf(refusedPlaces(format, tables));
        Set<Place> skipped = places(skippedRows, format, tables);
        assertThat(rows).as("rows of %s expected to be skipped", file)
                .filteredOn(row -> skipped.contains(new Place(row.table(), row.row())))
                .hasSize(skipped.size())
                .allSatisfy(row -> {
                    assertThat(row.kind()).as("%s row %d", row.table(), row.row()).isEqualTo(RowOutcome.Kind.SKIPPED);
                    assertThat(row.reason()).as("reason for skipping %s row %d", row.table(), row.row()).isNotNull();
                });
        assertThat(placesOf(rows, RowOutcome.Kind.TASK)).as("rows of %s read as tasks", file).hasSize(tasks.size());
        assertThat(placesOf(rows, RowOutcome.Kind.INDICATOR)).as("rows of %s read as indicators", file)
                .hasSize(indicators.size());
    }

    /** The rows this format must refuse, located in the tables read from it. */
    Set<Place> refusedPlaces(String format, List<SourceTable> tables) {
        return places(refusedRows, format, tables);
    }

    private static List<Place> placesOf(Collection<RowOutcome> rows, RowOutcome.Kind kind) {
        return rows.stream().filter(row -> row.kind() == kind).map(row -> new Place(row.table(), row.row())).toList();
    }

    private Set<Place> places(List<RowRef> refs, String format, List<SourceTable> tables) {
        Set<Place> places = new LinkedHashSet<>();
        for (RowRef ref : refs) {
            if (!ref.appliesTo(format)) {
                continue;
            }
            List<Place> candidates = tables.stream()
                    .filter(table -> ref.table() == null || ref.table().equals(table.name()))
                    .filter(table -> table.rows().stream().anyMatch(row -> row.number() == ref.row() && !row.isBlank()))
                    .map(table -> new Place(table.name(), ref.row())).toList();
            assertThat(candidates).as("%s of %s names exactly one non-empty row", ref, fileName(format)).hasSize(1);
            places.add(candidates.get(0));
        }
        return places;
    }

    // --- reading JSON ---------------------------------------------------------------------------------------------

    private static RowRef rowRef(JsonNode node) {
        return node.isNumber() ? new RowRef(null, node.asInt(), List.of())
                : new RowRef(text(node.get("table")), node.get("row").asInt(), strings(node.get("formats")));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> items.add(item.apply(node)));
        }
        return List.copyOf(items);
    }

    private static List<String> strings(JsonNode array) {
        return list(array, JsonNode::asText);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
