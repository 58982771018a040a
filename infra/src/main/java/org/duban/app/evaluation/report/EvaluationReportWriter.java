package org.duban.app.evaluation.report;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.api.ChineseQuotes;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.supervision.RagStatus;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.duban.app.evaluation.report.RoundOutputs.day;
import static org.duban.app.evaluation.report.RoundOutputs.gradeWord;
import static org.duban.app.evaluation.report.RoundOutputs.score;

/**
 * The evaluation report (评估报告) of a published round as a .docx, in the layout such reports have: the title; 一、总体进展;
 * 二、主要指标完成情况 with a table of each indicator's baseline, target, value and status as of the cut-off;
 * 三、重点任务推进情况; 四、存在的问题; 五、下一步工作. Every sentence is made from the round's data (results, the facts as of
 * the cut-off, reconciliations, calibrations, low scores, late self-assessments), in the office's language, Chinese.
 * Headings carry Word's Heading styles, so the document has an outline and a table of contents can be made from it.
 */
public class EvaluationReportWriter {
    static final String TITLE = "Title";
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    static final List<String> SECTIONS = List.of("一、总体进展", "二、主要指标完成情况", "三、重点任务推进情况", "四、存在的问题",
            "五、下一步工作");
    static final List<String> INDICATOR_COLUMNS = List.of("序号", "指标名称", "基期值", "目标值", "截止日当前值", "状态");
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final String TITLE_FONT = "方正小标宋简体";

    public byte[] write(RoundOutputs outputs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(document);
            RoundSummary summary = outputs.round().summary();
            paragraph(document, TITLE, title(summary)).setAlignment(ParagraphAlignment.CENTER);
            XWPFParagraph byline = paragraph(document, null, (summary.office() == null ? "" : summary.office() + "　")
                    + "评估截止日：" + day(summary.cutOff()));
            byline.setAlignment(ParagraphAlignment.CENTER);

            heading(document, HEADING_1, SECTIONS.get(0));
            overall(document, outputs);
            heading(document, HEADING_1, SECTIONS.get(1));
            indicators(document, outputs);
            heading(document, HEADING_1, SECTIONS.get(2));
            tasks(document, outputs);
            heading(document, HEADING_1, SECTIONS.get(3));
            List<String> problems = problems(outputs);
            numbered(document, problems.isEmpty() ? List.of("本轮评估未发现得分偏低、进度滞后或逾期报送的事项。") : problems);
            heading(document, HEADING_1, SECTIONS.get(4));
            numbered(document, nextSteps(outputs, !problems.isEmpty()));

            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the evaluation report could not be written", e);
        }
    }

    static String title(RoundSummary summary) {
        String title = summary.title() == null || summary.title().isBlank()
                ? (summary.planTitle() == null ? "" : summary.planTitle()) + RoundOutputs.kindWord(summary.kind())
                : summary.title();
        return title.endsWith("报告") ? title : title + "报告";
    }

    private void overall(XWPFDocument document, RoundOutputs outputs) {
        RoundDetail round = outputs.round();
        RoundSummary summary = round.summary();
        RoundResults results = outputs.results();
        long tasks = round.items().stream().filter(i -> i.kind() == ItemKind.TASK).count();
        long indicators = round.items().stream().filter(i -> i.kind() == ItemKind.INDICATOR).count();
        Set<String> kinds = new LinkedHashSet<>();
        round.evaluators().forEach(e -> kinds.add(e.evaluator().kind() == EvaluatorKind.THIRD_PARTY ? "第三方评估机构" : "督查人员"));
        StringBuilder first = new StringBuilder();
        if (summary.planTitle() != null && !summary.planTitle().isBlank()) {
            first.append("根据《").append(summary.planTitle()).append("》实施要求，");
        }
        first.append(summary.office() == null ? "" : summary.office()).append("组织开展了")
                .append(RoundOutputs.kindWord(summary.kind())).append("。本次评估以").append(day(summary.cutOff()))
                .append("为截止日，对").append(counted(tasks, "项重点任务")).append(tasks > 0 && indicators > 0 ? "和" : "")
                .append(counted(indicators, "项主要指标")).append("进行了评估，涉及").append(round.units().size())
                .append("个责任单位，采取单位自评、").append(String.join("和", kinds)).append("评分");
        if (!round.divergentItems().isEmpty()) {
            first.append("、分歧复核");
        }
        first.append("、督查机构校准相结合的方式。");
        paragraph(document, null, first.toString());

        List<RoundOutputs.Scored> scored = outputs.scored();
        if (!scored.isEmpty()) {
            BigDecimal mean = scored.stream().map(s -> s.result().score()).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP);
            Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
            scored.forEach(s -> grades.merge(s.result().grade(), 1, Integer::sum));
            List<String> counts = new ArrayList<>();
            for (Grade grade : Grade.values()) {
                counts.add(gradeWord(grade) + grades.getOrDefault(grade, 0) + "项");
            }
            paragraph(document, null, "从评估结果看，" + scored.size() + "个评估事项平均得分" + score(mean) + "分，其中"
                    + String.join("、", counts) + "。");
        }
        if (!results.units().isEmpty()) {
            List<String> ranking = new ArrayList<>();
            for (UnitResult unit : results.units()) {
                ranking.add("第" + unit.rank() + "名" + unit.unit().name() + score(unit.score()) + "分（" + gradeWord(unit.grade()) + "）");
            }
            paragraph(document, null, "各责任单位得分排名为：" + String.join("；", ranking) + "。");
        }
        if (results.previousRoundId() != null && results.comparison() != null && !results.comparison().isEmpty()) {
            List<String> changes = new ArrayList<>();
            for (RoundResults.UnitComparison unit : results.comparison()) {
                if (unit.previousScore() == null || unit.score() == null) {
                    continue;
                }
                int direction = unit.score().compareTo(unit.previousScore());
                changes.add(unit.unitName() + (direction > 0 ? "上升" : direction < 0 ? "下降" : "持平")
                        + (direction == 0 ? "" : score(unit.score().subtract(unit.previousScore()).abs()) + "分"));
            }
            if (!changes.isEmpty()) {
                paragraph(document, null, "与" + (results.previousRoundTitle() == null ? "上一轮评估"
                        : ChineseQuotes.quoted(results.previousRoundTitle())) + "相比，" + String.join("，", changes) + "。");
            }
        }
    }

    private void indicators(XWPFDocument document, RoundOutputs outputs) {
        List<RoundOutputs.Scored> indicators = outputs.ofKind(ItemKind.INDICATOR);
        Map<RagStatus, Integer> lights = new EnumMap<>(RagStatus.class);
        indicators.forEach(i -> {
            if (i.fact() != null && i.fact().status() != null) {
                lights.merge(i.fact().status(), 1, Integer::sum);
            }
        });
        if (indicators.isEmpty()) {
            paragraph(document, null, "本轮评估范围未含指标，各项任务的进展见下文。");
        } else {
            paragraph(document, null, "截至" + day(outputs.cutOff()) + "，纳入评估的" + indicators.size() + "项指标中，绿灯"
                    + lights.getOrDefault(RagStatus.GREEN, 0) + "项、黄灯" + lights.getOrDefault(RagStatus.AMBER, 0)
                    + "项、红灯" + lights.getOrDefault(RagStatus.RED, 0) + "项，具体如下表。");
        }
        XWPFTable table = document.createTable(1 + Math.max(indicators.size(), 1), INDICATOR_COLUMNS.size());
        table.setWidthType(TableWidthType.PCT);
        table.setWidth("100%");
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < INDICATOR_COLUMNS.size(); c++) {
            cell(head, c, INDICATOR_COLUMNS.get(c), true);
        }
        if (indicators.isEmpty()) {
            cell(table.getRow(1), 1, "（无）", false);
            return;
        }
        for (int i = 0; i < indicators.size(); i++) {
            RoundOutputs.Scored indicator = indicators.get(i);
            ItemFact fact = indicator.fact();
            XWPFTableRow row = table.getRow(i + 1);
            cell(row, 0, String.valueOf(i + 1), false);
            cell(row, 1, indicator.item().label(), false);
            cell(row, 2, fact == null ? "" : withUnit(fact.baseline(), fact.unitOfMeasure()), false);
            cell(row, 3, fact == null ? "" : withUnit(fact.target(), fact.unitOfMeasure()), false);
            cell(row, 4, fact == null || fact.currentValue() == null ? "暂无数据" : withUnit(fact.currentValue(), fact.unitOfMeasure()), false);
            String status = RoundOutputs.ragWord(fact == null ? null : fact.status());
            if (indicator.result() != null && indicator.result().score() != null) {
                status += "；评估" + score(indicator.result().score()) + "分（" + gradeWord(indicator.result().grade()) + "）";
            }
            cell(row, 5, status, false);
        }
    }

    private void tasks(XWPFDocument document, RoundOutputs outputs) {
        List<RoundOutputs.Scored> tasks = outputs.ofKind(ItemKind.TASK);
        if (tasks.isEmpty()) {
            paragraph(document, null, "本轮评估范围未含任务。");
            return;
        }
        for (int i = 0; i < tasks.size(); i++) {
            RoundOutputs.Scored task = tasks.get(i);
            heading(document, HEADING_2, "（" + ordinal(i) + "）" + task.item().label());
            StringBuilder text = new StringBuilder("牵头单位：").append(task.item().unit().name()).append("。");
            ItemFact fact = task.fact();
            if (fact != null) {
                text.append("截至").append(day(outputs.cutOff())).append("，已审核通过进展报告").append(fact.reportsAccepted()).append("期");
                if (fact.reportsOverdue() > 0) {
                    text.append("，逾期未报").append(fact.reportsOverdue()).append("期");
                }
                if (fact.percentComplete() != null) {
                    text.append("，完成进度").append(fact.percentComplete()).append("%");
                }
                if (fact.status() != null) {
                    text.append("，状态为").append(RoundOutputs.ragWord(fact.status()));
                }
                text.append("。");
                if (fact.latestProgress() != null && !fact.latestProgress().isBlank()) {
                    text.append("最近一期报告称：").append(sentence(fact.latestProgress()));
                }
            }
            if (task.result() != null && task.result().score() != null) {
                text.append("评估得分").append(score(task.result().score())).append("分，等次为“")
                        .append(gradeWord(task.result().grade())).append("”");
                if (task.result().selfScore() != null) {
                    text.append("（单位自评").append(score(task.result().selfScore())).append("分）");
                }
                text.append("。");
            } else {
                text.append("该任务无评估人员评分。");
            }
            SheetRow row = task.row();
            if (row != null && row.reconciledScore() != null) {
                text.append("因评估人员意见分歧，经复核确定为").append(score(row.reconciledScore())).append("分")
                        .append(row.reconcileReason() == null || row.reconcileReason().isBlank() ? "" : "（" + row.reconcileReason() + "）")
                        .append("。");
            }
            Optional<BigDecimal[]> calibration = RoundOutputs.calibration(row);
            if (calibration.isPresent()) {
                String reason = row.calibrations().get(row.calibrations().size() - 1).reason();
                text.append("经校准，得分由").append(score(calibration.get()[0])).append("分调整为")
                        .append(score(calibration.get()[1])).append("分")
                        .append(reason == null || reason.isBlank() ? "" : "，理由是：" + reason).append("。");
            }
            paragraph(document, null, text.toString());
        }
    }

    /** The problems the data shows: low scores (and the notices they opened), lags, overdue reports, late self-assessments. */
    static List<String> problems(RoundOutputs outputs) {
        List<String> problems = new ArrayList<>();
        ScoringScheme scheme = outputs.round().scheme();
        for (RoundOutputs.Scored item : outputs.scored()) {
            Grade grade = item.result().grade();
            if (grade == Grade.FAIR || grade == Grade.POOR) {
                problems.add(RoundOutputs.itemKindWord(item.item().kind()) + ChineseQuotes.quoted(item.item().label()) + "（"
                        + item.item().unit().name() + "）得分" + score(item.result().score()) + "分，等次为“" + gradeWord(grade) + "”"
                        + (scheme != null && scheme.opensNotice(grade) ? "，已发出督办单，督促限期整改。" : "，推进质量有待提高。"));
            }
        }
        List<RoundOutputs.Scored> every = new ArrayList<>(outputs.ofKind(ItemKind.TASK));
        every.addAll(outputs.ofKind(ItemKind.INDICATOR));
        for (RoundOutputs.Scored item : every) {
            ItemFact fact = item.fact();
            if (fact == null) {
                continue;
            }
            if (fact.status() == RagStatus.RED) {
                problems.add(RoundOutputs.itemKindWord(item.item().kind()) + ChineseQuotes.quoted(item.item().label()) + "（"
                        + item.item().unit().name() + "）截至评估截止日为红灯，进度严重滞后。");
            }
            if (item.item().kind() == ItemKind.TASK && fact.reportsOverdue() > 0) {
                problems.add("任务“" + item.item().label() + "”（" + item.item().unit().name() + "）有" + fact.reportsOverdue()
                        + "期进展报告逾期未报。");
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (RoundDetail.UnitState unit : outputs.round().units()) {
            if (!unit.submitted()) {
                missing.add(unit.unit().name());
            } else if (unit.late()) {
                late.add(unit.unit().name());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(String.join("、", missing) + "未按期提交自评材料。");
        }
        if (!late.isEmpty()) {
            problems.add(String.join("、", late) + "逾期提交自评材料。");
        }
        return problems;
    }

    static List<String> nextSteps(RoundOutputs outputs, boolean problems) {
        List<String> steps = new ArrayList<>();
        List<String> poorUnits = outputs.scored().stream().filter(s -> s.result().grade() == Grade.POOR)
                .map(s -> s.item().unit().name()).distinct().toList();
        if (!poorUnits.isEmpty()) {
            steps.add("督促" + String.join("、", poorUnits) + "针对得分为“差”的事项制定整改方案、限期整改，整改情况纳入下一轮评估。");
        }
        if (problems) {
            steps.add("对进度滞后、得分偏低的事项加强动态监测，按报送周期跟踪进展，必要时升级督办。");
        }
        RoundKind kind = outputs.round().summary().kind();
        steps.add(switch (kind) {
            case MID_TERM -> "对照规划目标查找差距，对确需调整的任务和指标按程序提出调整建议，为总结评估做好准备。";
            case ANNUAL -> "结合本年度评估结果，细化下一年度工作安排，确保规划各项任务按序时推进。";
            case FINAL -> "系统总结规划实施经验，为下一期规划编制提供参考。";
            case SPECIAL -> "针对专项评估发现的问题，逐项明确责任单位和完成时限，抓好整改落实。";
        });
        steps.add("加强评估结果运用，将评估结果作为督查考核和改进工作的重要依据。");
        return steps;
    }

    private static String withUnit(String value, String unit) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return unit == null || unit.isBlank() || value.endsWith(unit) ? value : value + unit;
    }

    private static String sentence(String text) {
        String stripped = text.strip();
        return stripped.endsWith("。") || stripped.endsWith("！") || stripped.endsWith("；") ? stripped : stripped + "。";
    }

    private static String counted(long count, String what) {
        return count == 0 ? "" : count + what;
    }

    private static String ordinal(int index) {
        return index < ORDINALS.length ? ORDINALS[index] : String.valueOf(index + 1);
    }

    private static void heading(XWPFDocument document, String style, String text) {
        paragraph(document, style, text);
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String style, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        } else {
            paragraph.setFirstLineIndent(640);
        }
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        if (style == null) {
            run.setFontFamily(BODY_FONT);
            run.setFontSize(16);
        }
        return paragraph;
    }

    private static void numbered(XWPFDocument document, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            paragraph(document, null, (i + 1) + "．" + items.get(i));
        }
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFParagraph paragraph = row.getCell(column).getParagraphs().get(0);
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontFamily(BODY_FONT);
        run.setFontSize(12);
        if (bold) {
            paragraph.setAlignment(ParagraphAlignment.CENTER);
        }
    }

    /** Title, Heading 1 and Heading 2 as Word names them, in the fonts official documents use. */
    private static void styles(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        styles.addStyle(style(styles, TITLE, "Title", -1, TITLE_FONT, 44, false));
        styles.addStyle(style(styles, HEADING_1, "heading 1", 0, HEADING_FONT, 32, false));
        styles.addStyle(style(styles, HEADING_2, "heading 2", 1, "楷体_GB2312", 32, true));
    }

    private static XWPFStyle style(XWPFStyles styles, String id, String name, int outline, String font, int halfPoints,
                                   boolean bold) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewQFormat();
        style.addNewUiPriority().setVal(BigInteger.valueOf(outline < 0 ? 10 : 9));
        if (outline >= 0) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        CTRPr run = style.addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            run.addNewB();
        }
        return new XWPFStyle(style, styles);
    }
}
