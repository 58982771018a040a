package org.duban.app.demo;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.app.plan.importing.ImportProblem;
import org.duban.app.plan.importing.ImportReport;
import org.duban.app.plan.importing.PlanImportRequest;
import org.duban.app.plan.importing.PlanImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * On the first start of an empty system, imports the shipped samples through the ordinary importer: the Chongqing
 * city plan (programmes and 11 indicators), then Dazu district's decomposition of it as its child plan.
 */
@Component
@ConditionalOnProperty(name = "duban.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {
    static final String CHONGQING_SAMPLE = "samples/chongqing-tcm-major-projects-2023-2027.csv";
    static final String DAZU_SAMPLE = "samples/dazu-tcm-task-decomposition-2024.xlsx";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final PlanImporter importer;
    private final QueryGateway queries;

    DemoData(PlanImporter importer, QueryGateway queries) {
        this.importer = importer;
        this.queries = queries;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        ImportReport chongqing = load(CHONGQING_SAMPLE, new PlanImportRequest(
                "重庆市中医药振兴发展重大工程实施方案（2023—2027年）", "渝府办发〔2023〕102号", "重庆市人民政府办公厅",
                LocalDate.of(2023, 12, 26), 2023, 2027, null, "重庆市", null, "市政府督查办", null, null));
        ImportReport dazu = load(DAZU_SAMPLE, new PlanImportRequest(
                "大足区贯彻落实《重庆市中医药振兴发展规划实施方案（2023—2027年）》任务分解", "大足府办发〔2024〕113号",
                "重庆市大足区人民政府办公室", LocalDate.of(2024, 11, 27), 2024, 2027, chongqing.planId(), "大足区", null,
                "区政府督查室", null, null));
        log.info("demo data loaded in {} ms: {} ({} indicators) and {} ({} tasks, {} indicators)",
                (System.nanoTime() - start) / 1_000_000, chongqing.fileName(), chongqing.indicators(),
                dazu.fileName(), dazu.tasks(), dazu.indicators());
    }

    private ImportReport load(String sample, PlanImportRequest request) {
        ClassPathResource resource = new ClassPathResource(sample);
        byte[] content;
        try (InputStream in = resource.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("demo sample " + sample + " is missing", e);
        }
        ImportReport report = importer.importFile(request, resource.getFilename(), content, false);
        if (!report.imported()) {
            // a shipped sample that does not import is a defect of this build, not of the user's data
            throw new IllegalStateException("demo sample " + sample + " was not imported: " + report.errors().stream()
                    .map(ImportProblem::describe).collect(Collectors.joining("; ")));
        }
        return report;
    }
}
