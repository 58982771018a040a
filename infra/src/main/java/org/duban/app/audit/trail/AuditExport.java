package org.duban.app.audit.trail;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.audit.AuditEntry;
import org.duban.api.audit.AuditPage;
import org.duban.api.audit.FindAuditTrail;
import org.duban.process.WorkflowClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The audit trail as a spreadsheet (.xlsx) or a table (.csv, UTF-8 with a byte order mark so Excel reads the
 * Chinese), oldest first, one row an event. Read in pages and written as it goes, so memory stays flat; a
 * selection larger than {@link #MAX_ROWS} is refused with a message asking for a narrower filter.
 */
@Component
class AuditExport {
    static final int MAX_ROWS = 200_000;
    private static final int CHUNK = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(WorkflowClock.ZONE);
    private static final List<String> HEADERS = List.of("时间 Time (Asia/Shanghai)", "事件 Event", "事件类型 Event type",
            "操作人 User", "单位 Unit", "角色 Role", "理由 Reason", "变更 Changes (before → after)", "规划 Plan",
            "任务 Task", "指标 Indicator", "对象类型 Aggregate type", "对象 Aggregate", "序号 Sequence",
            "流程实例 Process instance", "用户任务 User task", "关联号 Correlation id", "事件编号 Event id");

    private final QueryGateway queries;
    private final MessageSource messages;

    AuditExport(QueryGateway queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    void csv(AuditFilter filter, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADERS.toArray(String[]::new))
                    .get());
            each(filter, entry -> {
                try {
                    csv.printRecord(row(entry).stream().map(AuditExport::inert).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written", e);
        }
    }

    void xlsx(AuditFilter filter, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(CHUNK);
        try {
            Sheet sheet = workbook.createSheet("审计记录 Audit trail");
            write(sheet.createRow(0), HEADERS);
            int[] next = {1};
            each(filter, entry -> write(sheet.createRow(next[0]++), row(entry)));
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written", e);
        } finally {
            workbook.dispose();
        }
    }

    /** Refuses before anything is written, so a refusal is a clean 400 and not half a file. */
    void checkSize(AuditFilter filter) {
        long total = page(filter, 0, 1).total();
        if (total > MAX_ROWS) {
            throw new IllegalArgumentException("the selection holds " + total + " events, more than an export takes ("
                    + MAX_ROWS + "); narrow it by subject, event type, user or time");
        }
    }

    private void each(AuditFilter filter, Consumer<AuditEntry> row) {
        for (int page = 0; ; page++) {
            AuditPage chunk = page(filter, page, CHUNK);
            chunk.entries().forEach(row);
            if (chunk.entries().size() < CHUNK || (long) (page + 1) * CHUNK >= Math.min(chunk.total(), MAX_ROWS)) {
                return;
            }
        }
    }

    private AuditPage page(AuditFilter filter, int page, int size) {
        FindAuditTrail query = new AuditFilter(filter.subject(), filter.id(), filter.eventType(), filter.actor(),
                filter.from(), filter.to(), true).page(page, size);
        return queries.query(query, ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    private List<String> row(AuditEntry e) {
        return Arrays.asList(TIME.format(e.occurredAt()),
                messages.getMessage("event." + e.eventType(), null, e.eventType(), Locale.SIMPLIFIED_CHINESE),
                e.eventType(), e.actorUser(), e.actorUnit(), e.actorRole(), e.reason(), changes(e), e.planId(),
                e.taskId(), e.indicatorId(), e.aggregateType(), e.aggregateId(), String.valueOf(e.sequenceNumber()),
                e.processInstanceId(), e.userTaskId(), e.correlationId(), e.eventId());
    }

    /** A spreadsheet must not run a cell of the log as a formula (CSV injection): such text gets a leading quote. */
    private static String inert(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static String changes(AuditEntry e) {
        return e.changesAsText(field -> true);
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            // a cell holds at most 32767 characters
            row.createCell(i).setCellValue(value == null ? "" : value.length() > 32_000 ? value.substring(0, 32_000) + "…" : value);
        }
    }
}
