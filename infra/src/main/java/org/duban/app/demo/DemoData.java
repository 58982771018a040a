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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * On the first start of an empty system (no plan yet), imports the shipped samples through the ordinary importer, the
 * Chongqing city plan (programmes and 11 indicators) and Dazu district's decomposition of it as its child plan, and
 * puts the Dazu plan into execution ({@link DemoExecution}), so that every demo account finds work waiting.
 * <p>
 * It runs when the application is ready: after the start-up runners, among them the shipped working-day calendars
 * that due dates count on, and before the other listeners of that moment (the daily period opening, the announcement
 * that Duban is running).
 * <p>
 * All of it is one transaction: a start killed halfway leaves no demo data, and the next start, finding no plan, loads
 * it all again; a start that finds any plan does nothing, so nothing is ever published twice. Should the execution
 * fail, the samples are imported as drafts and start-up goes on; a sample that does not import is a defect of the
 * build and fails start-up.
 */
@Component
@ConditionalOnProperty(name = "duban.demo.enabled", havingValue = "true")
class DemoData {
    static final String CHONGQING_SAMPLE = "samples/chongqing-tcm-major-projects-2023-2027.csv";
    static final String DAZU_SAMPLE = "samples/dazu-tcm-task-decomposition-2024.xlsx";
    static final String DAZU_DOCUMENT_NUMBER = "大足府办发〔2024〕113号";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    // each plan is imported by a supervisor of the office that supervises it
    private static final String CITY_SUPERVISOR = "citysupervisor";

    private final PlanImporter importer;
    private final DemoActors actors;
    private final DemoExecution execution;
    private final QueryGateway queries;
    private final TransactionTemplate transaction;

    DemoData(PlanImporter importer, DemoActors actors, DemoExecution execution, QueryGateway queries,
             TransactionTemplate transaction) {
        this.importer = importer;
        this.actors = actors;
        this.execution = execution;
        this.queries = queries;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void load() {
        if (!queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join().isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try {
            transaction.executeWithoutResult(status -> {
                Samples samples = importSamples(start);
                long executing = System.nanoTime();
                Optional<DemoExecution.Outcome> outcome;
                try {
                    outcome = execution.run(samples.dazu().planId());
                } catch (RuntimeException e) {
                    throw new ExecutionFailed(e);
                }
                outcome.ifPresentOrElse(done -> log.info("demo plan {} put into execution in {} ms: {} of its {} tasks "
                                + "acknowledged, periods {} open; the oldest one's reports left with the units turn "
                                + "overdue when the job executor runs their timers", DAZU_DOCUMENT_NUMBER,
                        millisSince(executing), done.acknowledged(), done.tasks(), done.periods()),
                        () -> log.info("demo plan {} stays a draft: this deployment lacks the demo accounts {}, {} "
                                        + "or {}", DAZU_DOCUMENT_NUMBER, DemoExecution.SUPERVISOR, DemoExecution.HEALTH,
                                DemoExecution.MARKET));
            });
        } catch (ExecutionFailed e) {
            log.warn("the demo plan could not be put into execution; loading the samples as drafts", e.getCause());
            transaction.executeWithoutResult(status -> importSamples(System.nanoTime()));
        }
        log.info("demo data ready in {} ms", millisSince(start));
    }

    private record Samples(ImportReport chongqing, ImportReport dazu) {
    }

    private Samples importSamples(long start) {
        ImportReport chongqing = actors.asOrSystem(CITY_SUPERVISOR, () -> load(CHONGQING_SAMPLE, new PlanImportRequest(
                "重庆市中医药振兴发展重大工程实施方案（2023—2027年）", "渝府办发〔2023〕102号", "重庆市人民政府办公厅",
                LocalDate.of(2023, 12, 26), 2023, 2027, null, "重庆市", null, "市政府督查办", null, null)));
        ImportReport dazu = actors.asOrSystem(DemoExecution.SUPERVISOR, () -> load(DAZU_SAMPLE, new PlanImportRequest(
                "大足区贯彻落实《重庆市中医药振兴发展规划实施方案（2023—2027年）》任务分解", DAZU_DOCUMENT_NUMBER,
                "重庆市大足区人民政府办公室", LocalDate.of(2024, 11, 27), 2024, 2027, chongqing.planId(), "大足区", null,
                "区政府督查室", null, null)));
        log.info("demo data imported in {} ms: {} ({} indicators) and {} ({} tasks, {} indicators)", millisSince(start),
                chongqing.fileName(), chongqing.indicators(), dazu.fileName(), dazu.tasks(), dazu.indicators());
        return new Samples(chongqing, dazu);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
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

    /** Rolls the whole demo back, to load the samples alone. */
    private static final class ExecutionFailed extends RuntimeException {
        ExecutionFailed(RuntimeException cause) {
            super(cause);
        }
    }
}
