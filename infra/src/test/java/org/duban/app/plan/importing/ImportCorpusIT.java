package org.duban.app.plan.importing;

import org.duban.app.plan.importing.ExpectedPlan.Place;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * Every table of the import corpus, in each of its formats, imported over HTTP as a supervisor would and read back
 * from the plan tree: the sections, tasks (with their printed numbers, leads and co-units) and indicators its
 * document shows, none missing, and an outcome in the report for every row. The table with a row that cannot be
 * placed is refused with that row named, and leaves nothing behind.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class ImportCorpusIT {
    static final TableFiles FILES = new TableFiles(DataSize.ofMegabytes(20));

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> importable() {
        return corpus(false);
    }

    static Stream<Arguments> refused() {
        return corpus(true);
    }

    private static Stream<Arguments> corpus(boolean refused) {
        return ExpectedPlan.all("tables").stream().filter(plan -> plan.refusesImport() == refused)
                .flatMap(plan -> plan.formats().stream().filter(format -> !format.equals("txt"))
                        .map(format -> Arguments.of(Named.of(plan.name(), plan), format)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("importable")
    void reads_back_from_the_plan_tree_as_its_document_says(ExpectedPlan expected, String format) {
        String fileName = expected.fileName(format);
        byte[] content = expected.content(format);

        ResponseEntity<Map> response = upload(http, "supervisor", fileName, content, fields(fileName));

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> tree = http.withBasicAuth("auditor", "duban")
                .getForObject("/api/plans/" + response.getBody().get("planId") + "/tree", Map.class);
        assertAll(
                () -> expected.assertSameAs(ExpectedPlan.ofTree(tree), fileName + " read back from the plan tree"),
                () -> expected.assertEveryRowAccountedFor(format, FILES.read(fileName, content), rows(response.getBody())));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("refused")
    void a_row_that_cannot_be_placed_is_named_by_the_dry_run_and_the_import_creates_nothing(ExpectedPlan expected,
                                                                                             String format) {
        String fileName = expected.fileName(format);
        byte[] content = expected.content(format);
        List<SourceTable> tables = FILES.read(fileName, content);
        Set<Place> refused = expected.refusedPlaces(format, tables);
        Map<String, String> fields = fields(fileName);

        ResponseEntity<Map> dry = upload(http, "supervisor", fileName, content, PlanImportIT.withDryRun(fields));

        assertThat(dry.getStatusCode()).as("%s", dry.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertAll(
                () -> assertThat((List<Map>) dry.getBody().get("errors")).as("errors of the dry run of %s", fileName)
                        .extracting(error -> new Place((String) error.get("table"),
                                error.get("row") == null ? 0 : ((Number) error.get("row")).intValue()))
                        .containsAll(refused),
                () -> expected.assertEveryRowAccountedFor(format, tables, rows(dry.getBody())));

        ResponseEntity<Map> real = upload(http, "supervisor", fileName, content, fields);

        assertThat(real.getStatusCode()).as("%s", real.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(real.getBody()).containsEntry("imported", false).containsEntry("planId", null);
        assertThat(list("/api/plans")).extracting(plan -> plan.get("title")).doesNotContain(fields.get("title"));
        // units that no other corpus table names would exist only if this refused import had registered them
        Set<String> ownUnits = namedOnlyBy(expected);
        assertThat(ownUnits).as("units only %s names", expected).isNotEmpty();
        assertThat(list("/api/units")).extracting(unit -> unit.get("name")).doesNotContainAnyElementsOf(ownUnits);
    }

    /** The plan's metadata as the import form asks for it; each file gets a title of its own. */
    private static Map<String, String> fields(String fileName) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "导入语料 " + fileName);
        fields.put("issuer", "重庆市人民政府办公厅");
        fields.put("issueDate", "2024-06-28");
        fields.put("startYear", "2021");
        fields.put("endYear", "2027");
        fields.put("jurisdiction", "重庆市");
        return fields;
    }

    /** The report's {@code rows}; absent until the report carries them, which the comparison then reports. */
    private static List<RowOutcome> rows(Map report) {
        List<Map> rows = (List<Map>) report.get("rows");
        return rows == null ? List.of() : rows.stream().map(row -> {
            Map reason = (Map) row.get("reason");
            return new RowOutcome((String) row.get("table"), ((Number) row.get("row")).intValue(),
                    RowOutcome.Kind.valueOf((String) row.get("kind")), (String) row.get("item"),
                    reason == null ? null : new RowOutcome.Text((String) reason.get("zh"), (String) reason.get("en")),
                    (String) row.get("excerpt"));
        }).toList();
    }

    private static Set<String> namedOnlyBy(ExpectedPlan expected) {
        Set<String> names = new LinkedHashSet<>(expected.unitNames());
        ExpectedPlan.all("tables").stream().filter(other -> !other.name().equals(expected.name()))
                .forEach(other -> names.removeAll(other.unitNames()));
        return names;
    }

    private List<Map> list(String path) {
        return List.of(http.withBasicAuth("auditor", "duban").getForObject(path, Map[].class));
    }
}
