package org.duban.app.ledger;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger and the gap report on the demo data: the Chongqing plan imported with its programmes and 11 indicators,
 * Dazu's decomposition imported as its child, published, with reports accepted, returned and waiting and an
 * adjustment to decide.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.demo.enabled=true")
@SuppressWarnings({"rawtypes", "unchecked"})
class LedgerIT {
    static final String DAZU = "大足府办发〔2024〕113号";
    static final String CHONGQING = "渝府办发〔2023〕102号";
    private static final DataFormatter CELLS = new DataFormatter();

    @Autowired
    TestRestTemplate http;

    @Test
    void the_ledger_has_a_row_per_task_in_the_decomposition_table_with_the_latest_report() throws IOException {
        try (XSSFWorkbook workbook = ledger("supervisor", plan(DAZU), "zh-CN")) {
            Sheet tasks = workbook.getSheet("任务台账");
            assertThat(row(tasks.getRow(0))).containsExactly("一级", "二级", "三级", "序号", "具体任务", "牵头单位",
                    "配合单位", "完成时限", "状态", "最新进展", "督办情况", "调整记录");
            assertThat(tasks.getLastRowNum()).isEqualTo(94);
            List<String> first = row(tasks.getRow(1));
            assertThat(first.subList(0, 6)).containsExactly("一、中医药健康服务高质量发展工程", "（一）健全优质高效中医药服务体系",
                    "1.打造中医药服务高地", "", "做大做强区中医院，推动区中医院与浙江省中医院联合创建国家区域医疗中心项目。",
                    "区发展改革委");
            assertThat(first.get(6)).isEqualTo("区卫生健康委、区财政局、区规划自然资源局、区住房城乡建委");
            // the section columns reproduce the decomposition: 8 programmes, 21 parts, 59 measures
            assertThat(distinct(tasks, 0)).hasSize(8);
            assertThat(distinct(tasks, 1)).hasSize(21);
            assertThat(distinct(tasks, 2)).hasSize(59);
            assertThat(tasks.getNumMergedRegions()).isPositive();
            assertThat(tasks.getPaneInformation().isFreezePane()).isTrue();

            List<String> latest = column(tasks, 9);
            // the latest period handed in: the accepted report of the oldest period gave way to the current one's
            assertThat(latest).anySatisfy(text -> assertThat(text).contains("报告待审核，自评推进中，完成70%。")
                    .contains("本季度完成年度目标的主要工作，项目进入收尾阶段。"));
            assertThat(latest).anySatisfy(text -> assertThat(text).contains("报告已通过")
                    .contains("已开展中药材市场专项检查，覆盖经营主体 36 家，未发现重大问题。"));
            assertThat(latest).anySatisfy(text -> assertThat(text).contains("已退回").contains("本季度工作正在推进。"));
            // the market's request, by the name people know its user by
            assertThat(column(tasks, 11)).anySatisfy(text -> assertThat(text).contains("李四申请调整完成时限：")
                    .endsWith("尚待决定。"));

            Sheet indicators = workbook.getSheet("指标台账");
            assertThat(row(indicators.getRow(0))).startsWith("序号", "指标", "计量单位", "属性", "基期值")
                    .endsWith("目标值", "状态");
            assertThat(indicators.getLastRowNum()).isEqualTo(12);
        }
    }

    @Test
    void the_ledger_reads_in_english_when_asked_and_never_in_both() throws IOException {
        try (XSSFWorkbook workbook = ledger("auditor", plan(DAZU), "en")) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Tasks");
            assertThat(workbook.getSheetName(1)).isEqualTo("Indicators");
            assertThat(row(workbook.getSheetAt(0).getRow(0))).startsWith("Level 1", "Level 2", "Level 3", "No.", "Task")
                    .allSatisfy(header -> assertThat(header).doesNotContainPattern("[\\u4e00-\\u9fff]"));
            assertThat(column(workbook.getSheetAt(0), 9)).anySatisfy(text -> assertThat(text).startsWith("Report for ")
                    .contains("Accepted"));
        }
    }

    @Test
    void the_city_plan_ledger_gives_baselines_and_targets_with_their_years() throws IOException {
        try (XSSFWorkbook workbook = ledger("citysupervisor", plan(CHONGQING), "zh-CN")) {
            assertThat(workbook.getSheet("任务台账").getLastRowNum()).isZero();
            Sheet indicators = workbook.getSheet("指标台账");
            assertThat(indicators.getLastRowNum()).isEqualTo(11);
            List<String> last = row(indicators.getRow(11));
            assertThat(last.subList(0, 5)).containsExactly("11", "全口径中药材加工产值", "亿元", "预期性", "222（2022年）");
            assertThat(last.get(last.size() - 2)).isEqualTo("550（2027年）");
        }
    }

    @Test
    void only_the_office_s_supervisors_administrators_and_auditors_take_the_ledger() {
        String dazu = plan(DAZU);
        assertThat(download("health", dazu, "zh-CN").getStatusCode().value()).isEqualTo(403);
        assertThat(download("citysupervisor", dazu, "zh-CN").getStatusCode().value()).isEqualTo(403);
        assertThat(download("admin", dazu, "zh-CN").getStatusCode().value()).isEqualTo(200);
        assertThat(download("auditor", "no-such-plan", "zh-CN").getStatusCode().value()).isEqualTo(404);
        assertThat(download("auditor", "a%20b", "zh-CN").getStatusCode().value()).isBetween(400, 404);
    }

    @Test
    void the_gap_report_names_what_dazu_leaves_out_of_the_city_plan() {
        Map implementation = http.withBasicAuth("citysupervisor", "duban")
                .getForObject("/api/plans/" + plan(CHONGQING) + "/implementation", Map.class);
        List<Map> children = (List<Map>) implementation.get("children");
        assertThat(children).singleElement().satisfies(child -> assertThat(child.get("planId")).isEqualTo(plan(DAZU)));
        Map dazu = children.get(0);
        assertThat(dazu.get("taskCount")).isEqualTo(94);
        assertThat((int) dazu.get("green") + (int) dazu.get("amber") + (int) dazu.get("red")
                + (int) dazu.get("notAssessed")).isEqualTo(94);
        assertThat((int) dazu.get("accepted")).isGreaterThanOrEqualTo(2);

        List<Map> gaps = (List<Map>) dazu.get("gaps");
        assertThat(gaps).filteredOn(gap -> gap.get("kind").equals("SECTION")).extracting(gap -> gap.get("text"))
                .containsExactly("促进中医药开放发展");
        assertThat(gaps).filteredOn(gap -> gap.get("kind").equals("SECTION")).extracting(gap -> gap.get("sectionTitle"))
                .containsExactly("七、中医药文化弘扬工程");
        assertThat(gaps).filteredOn(gap -> gap.get("kind").equals("INDICATOR")).hasSize(10)
                .extracting(gap -> gap.get("text")).contains("国家中医药综合改革示范区", "国医大师")
                .doesNotContain("全口径中药材加工产值");
        assertThat((List<Map>) dazu.get("matches")).hasSize(22);
    }

    private String plan(String documentNumber) {
        List<Map> plans = http.withBasicAuth("auditor", "duban").getForObject("/api/plans", List.class);
        return (String) plans.stream().filter(plan -> documentNumber.equals(plan.get("documentNumber"))).findFirst()
                .orElseThrow().get("planId");
    }

    private ResponseEntity<byte[]> download(String user, String planId, String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return http.withBasicAuth(user, "duban").exchange("/api/plans/" + planId + "/ledger.xlsx", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
    }

    private XSSFWorkbook ledger(String user, String planId, String language) throws IOException {
        ResponseEntity<byte[]> answer = download(user, planId, language);
        assertThat(answer.getStatusCode().value()).as("ledger for %s", user).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType()).hasToString(LedgerWorkbook.CONTENT_TYPE);
        return new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()));
    }

    static List<String> row(Row row) {
        return IntStream.range(0, row.getLastCellNum()).mapToObj(i -> row.getCell(i) == null ? ""
                : CELLS.formatCellValue(row.getCell(i))).toList();
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            values.add(row(sheet.getRow(r)).get(column));
        }
        return values;
    }

    private static Set<String> distinct(Sheet sheet, int column) {
        return new LinkedHashSet<>(column(sheet, column));
    }
}
