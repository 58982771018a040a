package org.duban.app.plan.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a column of a decomposition or indicator table holds, recognised from the usual header words of Chinese
 * government tables. Headers are compared without spaces ("主    要    指    标" is 主要指标).
 */
public enum ColumnRole {
    NUMBER("序号", "编号"),
    LEVEL1("一级指标", "一级任务", "工程", "重大工程", "一级", "重点领域", "主要领域", "领域", "工作类别", "类别"),
    LEVEL2("二级指标", "二级任务", "二级"),
    LEVEL3("三级指标", "三级任务", "三级"),
    TASK("具体任务", "工作任务", "重点任务", "任务内容", "主要任务", "工作内容", "任务", "工作措施", "具体措施", "主要措施",
            "任务措施", "重点工作", "工作事项", "工作举措", "具体工作"),
    UNITS("责任单位", "责任部门", "责任主体", "责任处室", "责任科室"),
    LEAD_UNIT("牵头单位", "牵头部门", "牵头处室", "主责单位", "主要责任单位"),
    CO_UNITS("配合单位", "协办单位", "配合部门", "参与单位", "协同单位", "协同部门", "配合处室"),
    DUE_DATE("完成时限", "完成时间", "时间节点", "时限", "完成期限", "时间要求", "时间安排", "进度安排"),
    REMARK("备注"),
    INDICATOR_NAME("指标名称", "主要指标", "指标", "具体指标", "指标内容"),
    BASELINE("基期值", "现状值", "基期", "现状"),
    TARGET("目标值", "目标"),
    ATTRIBUTE("属性", "指标属性"),
    UNIT_OF_MEASURE("单位", "计量单位");

    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?(基期值?|现状值?|目标值?)?");
    private static final Pattern YEAR_IN_PARENTHESES = Pattern.compile("(基期值|现状值|目标值|基期|现状|目标)[（(](\\d{4})年?[）)]");

    private final List<String> words;

    ColumnRole(String... words) {
        this.words = List.of(words);
    }

    public List<String> words() {
        return words;
    }

    static String normalize(String header) {
        return header.replaceAll("[\\s\\u3000]+", "");
    }

    /** The role a header names, if any. Year columns (2024年) are {@link #yearOf year columns}, not roles. */
    static Optional<ColumnRole> of(String header) {
        String text = normalize(header);
        for (ColumnRole role : values()) {
            if (role.words.contains(text)) {
                return Optional.of(role);
            }
        }
        Matcher inParentheses = YEAR_IN_PARENTHESES.matcher(text);
        if (inParentheses.matches()) {
            return Optional.of(inParentheses.group(1).startsWith("目标") ? TARGET : BASELINE);
        }
        // 责任单位（部门）, 完成时限（年）: a qualifying parenthesis after a known word
        String qualified = text.replaceAll("[（(][^（）()]*[）)]$", "");
        if (!qualified.equals(text) && !qualified.isEmpty()) {
            for (ColumnRole role : values()) {
                if (role.words.contains(qualified)) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    /** The year a header such as 2024年, 2027年目标值 or 基期值（2022年） names, if any. */
    static Optional<Integer> yearOf(String header) {
        String text = normalize(header);
        Matcher year = YEAR.matcher(text);
        if (year.matches()) {
            return Optional.of(Integer.parseInt(year.group(1)));
        }
        Matcher inParentheses = YEAR_IN_PARENTHESES.matcher(text);
        return inParentheses.matches() ? Optional.of(Integer.parseInt(inParentheses.group(2))) : Optional.empty();
    }

    /** A year column that says whether it is the baseline or the target (2027年目标值). */
    static Optional<ColumnRole> roleOfYearColumn(String header) {
        Matcher year = YEAR.matcher(normalize(header));
        if (year.matches() && year.group(2) != null) {
            return Optional.of(year.group(2).startsWith("目标") ? TARGET : BASELINE);
        }
        return Optional.empty();
    }
}
