package org.duban.app.plan.importing;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table of the import corpus ({@code import-corpus/tables}), in each of its formats, reads as its document
 * says: the sections, tasks and indicators written in its {@code .expected.json}, and an outcome for every row.
 */
class ImportCorpusTest {
    static final TableFiles FILES = new TableFiles(DataSize.ofMegabytes(20));

    /** Each corpus file in each of its formats; plans written as text are read by another interpreter. */
    static Stream<Arguments> corpus() {
        return ExpectedPlan.all("tables").stream().flatMap(plan -> plan.formats().stream()
                .filter(format -> !format.equals("txt"))
                .map(format -> Arguments.of(Named.of(plan.name(), plan), format)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("corpus")
    void gives_the_sections_tasks_and_indicators_its_document_shows(ExpectedPlan expected, String format) {
        String fileName = expected.fileName(format);
        TableInterpreter interpreter = new TableInterpreter(fileName, null);
        PlanContent plan = interpreter.interpret(FILES.read(fileName, expected.content(format)));

        expected.assertSameAs(ExpectedPlan.of(plan), fileName);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("corpus")
    void accounts_for_every_row_and_refuses_only_the_rows_it_cannot_place(ExpectedPlan expected, String format) {
        String fileName = expected.fileName(format);
        List<SourceTable> tables = FILES.read(fileName, expected.content(format));
        TableInterpreter interpreter = new TableInterpreter(fileName, null);
        PlanContent plan = interpreter.interpret(tables);

        expected.assertEveryRowAccountedFor(format, tables, plan.rows());
        if (expected.refusesImport()) {
            assertThat(interpreter.errors()).as("errors of %s", fileName)
                    .extracting(problem -> new ExpectedPlan.Place(problem.table(), problem.row() == null ? 0 : problem.row()))
                    .containsAll(expected.refusedPlaces(format, tables));
        } else {
            assertThat(interpreter.errors()).as("errors of %s", fileName).extracting(ImportProblem::describe).isEmpty();
        }
    }

    @Test
    void the_committed_files_are_what_their_layouts_generate() {
        List<Path> layouts = CorpusFiles.layouts(ExpectedPlan.folder("tables"));
        assertThat(layouts).hasSizeGreaterThanOrEqualTo(10);
        for (Path layoutFile : layouts) {
            CorpusFiles.Layout layout = CorpusFiles.Layout.read(layoutFile);
            Path folder = layoutFile.getParent();
            for (String format : CorpusFiles.FORMATS) {
                String fileName = layout.name() + "." + format;
                assertThat(folder.resolve(fileName)).as("run CorpusFiles.main to write it").exists();
                List<SourceTable> committed = FILES.read(fileName, read(folder.resolve(fileName)));
                assertThat(committed).as("%s as committed, against its layout; run CorpusFiles.main", fileName)
                        .isEqualTo(FILES.read(fileName, CorpusFiles.write(layout, format)));
            }
        }
    }

    @Test
    void every_corpus_table_has_its_expected_result_and_every_expected_result_its_files() {
        List<ExpectedPlan> plans = ExpectedPlan.all("tables");
        assertThat(plans).hasSizeGreaterThanOrEqualTo(10);
        for (ExpectedPlan plan : plans) {
            assertThat(plan.formats()).as("formats of %s", plan).isNotEmpty();
            plan.formats().forEach(format -> assertThat(plan.file(format)).exists());
            assertThat(plan.file("layout.txt")).as("layout of %s", plan).exists();
            assertThat(plan.tasks().size() + plan.indicators().size()).as("items of %s", plan).isPositive();
            assertThat(plan.notes()).as("notes of %s", plan).isNotBlank();
        }
        assertThat(plans).filteredOn(ExpectedPlan::refusesImport).as("a table with a row that cannot be placed")
                .isNotEmpty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
