package org.duban.app.evaluation.report;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluation report, read back with POI: the usual headings in order, the indicator table, sentences from data. */
class EvaluationReportWriterTest {
    private final EvaluationReportWriter writer = new EvaluationReportWriter();

    private XWPFDocument report() throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(writer.write(PublishedRound.outputs())));
    }

    private static List<String> styled(XWPFDocument document, String style) {
        return document.getParagraphs().stream().filter(p -> style.equals(p.getStyle())).map(XWPFParagraph::getText).toList();
    }

    private static String text(XWPFDocument document) {
        return String.join("\n", document.getParagraphs().stream().map(XWPFParagraph::getText).toList());
    }

    @Test
    void it_opens_with_the_title_and_the_five_headings_in_order_as_word_headings() throws IOException {
        try (XWPFDocument report = report()) {
            assertThat(styled(report, "Title")).containsExactly("“十四五”中医药发展规划中期评估报告");
            assertThat(styled(report, "Heading1")).containsExactly("一、总体进展", "二、主要指标完成情况", "三、重点任务推进情况",
                    "四、存在的问题", "五、下一步工作");
            assertThat(report.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(styled(report, "Heading2")).containsExactly("（一）1. 建设区中医医院中医馆",
                    "（二）2. 推进基层中医药服务能力提升", "（三）3. 加强中药材质量监管");
        }
    }

    @Test
    void the_indicator_table_has_baseline_target_current_value_and_status_of_every_indicator() throws IOException {
        try (XWPFDocument report = report()) {
            assertThat(report.getTables()).hasSize(1);
            XWPFTable table = report.getTables().get(0);
            assertThat(cells(table.getRow(0))).containsExactly("序号", "指标名称", "基期值", "目标值", "截止日当前值", "状态");
            assertThat(table.getRows()).hasSize(3);
            assertThat(cells(table.getRow(1))).containsExactly("1", "每千人口中医执业（助理）医师数", "0.62人", "0.8人", "0.75人",
                    "绿灯（正常推进）；评估92.00分（优）");
            assertThat(cells(table.getRow(2))).containsExactly("2", "中药材抽检合格率", "96%", "98%", "暂无数据", "未评估");
            // the table sits under its heading, before the tasks
            List<org.apache.poi.xwpf.usermodel.IBodyElement> body = report.getBodyElements();
            int heading = body.indexOf(report.getParagraphs().stream().filter(p -> p.getText().equals("二、主要指标完成情况"))
                    .findFirst().orElseThrow());
            int tasks = body.indexOf(report.getParagraphs().stream().filter(p -> p.getText().equals("三、重点任务推进情况"))
                    .findFirst().orElseThrow());
            assertThat(body.indexOf(table)).isBetween(heading, tasks);
        }
    }

    @Test
    void the_sentences_come_from_the_results_the_facts_as_of_the_cut_off_and_the_calibrations() throws IOException {
        try (XWPFDocument report = report()) {
            String text = text(report);
            assertThat(text).contains("本次评估以2026年6月30日为截止日，对3项重点任务和2项主要指标进行了评估，涉及2个责任单位")
                    .contains("第三方评估机构和督查人员评分")
                    .contains("4个评估事项平均得分76.38分，其中优1项、良2项、中0项、差1项")
                    .contains("第1名区卫生健康委76.83分（良）；第2名区市场监管局75.00分（良）")
                    .contains("已审核通过进展报告1期，完成进度40%，状态为绿灯（正常推进）。最近一期报告称：一季度完成中医馆选址。")
                    .contains("经校准，得分由63.50分调整为55.00分，理由是：项目未开工，佐证不足。")
                    .contains("经复核确定为75.00分（经复核，取两方意见折中）");
        }
    }

    @Test
    void the_problems_name_low_scores_lags_overdue_reports_and_late_self_assessments_and_the_next_steps_follow() throws IOException {
        try (XWPFDocument report = report()) {
            String text = text(report);
            assertThat(text).contains("任务“2. 推进基层中医药服务能力提升”（区卫生健康委）得分55.00分，等次为“差”，已发出督办单")
                    .contains("截至评估截止日为红灯，进度严重滞后")
                    .contains("有2期进展报告逾期未报")
                    .contains("区卫生健康委逾期提交自评材料")
                    .contains("督促区卫生健康委针对得分为“差”的事项制定整改方案")
                    .contains("为总结评估做好准备");
        }
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }
}
