package org.duban.app.plan.importing;

import org.duban.api.indicator.Target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantitative targets stated in a task's text ({@code 到2025年…覆盖率均达到70%}, {@code 不少于10个}, {@code 着力培育1—2个龙头
 * 企业}, {@code 3个以上}, {@code 年产值力争达到5.5亿元}), read as proposals for indicators. A number counts only with a
 * unit of measure or a percent sign, so years, ages (65岁以上), durations (3—5年, 5年内, 6个月) and dates are never
 * proposed; nor is a number that qualifies a noun (年销售收入超过5亿元的企业).
 */
final class TextTargets {
    /** Units of measure a target may be counted in; longest first so that 人次 wins over 人. */
    private static final List<String> MEASURES = List.of("个百分点", "万人次", "万平方米", "平方米", "人次", "万人", "亿元",
                    "万元", "万亩", "万吨", "公顷", "公里", "千米", "个", "名", "家", "所", "项", "人", "张", "床", "种", "支",
                    "批", "件", "篇", "处", "座", "亩", "吨", "户", "类", "部", "条", "套", "台", "次", "间", "本", "场", "期",
                    "门", "位", "元", "例", "份", "册", "辆", "班", "队")
            .stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    private static final String DASH = "(?:—+|–|－|-|~|～|至)";
    private static final Pattern QUANTITY = Pattern.compile("(?<![\\d.．A-Za-z])(" + NUMBER + "\\s*[%％]?(?:\\s*" + DASH
            + "\\s*" + NUMBER + "\\s*[%％]?)?)\\s*(" + String.join("|", MEASURES) + ")?(以上|以下|以内)?");
    private static final Pattern BOUND_BEFORE = Pattern.compile(
            "(不少于|不低于|不小于|不多于|不超过|不高于|不大于|至少|超过|高于|大于|低于|小于)(\\p{IsHan}{0,2})$");
    private static final Pattern YEAR = Pattern.compile("到\\s*(\\d{4})\\s*年");
    private static final Pattern DEADLINE_YEAR = Pattern.compile("(\\d{4})\\s*年\\s*(?:\\d{1,2}\\s*月)?\\s*(?:底|末)?\\s*前");
    private static final Pattern CLAUSE_END = Pattern.compile("[，,；;：:。！？]");
    private static final Pattern SUBJECT_TAIL = Pattern.compile(
            "(均达到|均达|力争达到|力争达|达到了|达到|达|稳定在|保持在|提高到|提升到|提高至|提升至|增加到|增长到|增至|分别为|分别|均为|为|均|力争)$");
    private static final Pattern SUBJECT_HEAD = Pattern.compile(
            "^(?:[、，,\\s]|其中|力争|着力|积极|同时|并且|并|累计|每年|年均|到\\s*\\d{4}\\s*年(?:\\d{1,2}月)?(?:底|末)?(?:前)?|"
                    + "\\d{4}\\s*年(?:\\d{1,2}\\s*月)?(?:底|末)?前)");
    private static final Pattern VERB = Pattern.compile(
            "建设|建成|新建|创建|争创|打造|培育|培养|培训|新增|组建|设立|开展|实施|举办|引进|支持|扶持|认定|遴选|推广|办好|办成|建立|改造|提升");
    /** Where the thing counted after a number ends and the sentence goes on: 3—5个病种开展…, 18个团队建设为抓手. */
    private static final Pattern OBJECT_STOP = Pattern.compile("开展|实施|推动|推进|促进|带动|进行|用于|作为|为抓手|为重点|为核心|为载体|为目标");
    private static final Pattern MEASURED = Pattern.compile(".*(率|比|比例|占比|量|值|数|面积|规模|人数|总数|产值|收入|总额)$");
    private static final Set<String> ABSTRACT = Set.of("发展", "建设", "工作", "作用", "能力", "水平", "服务", "质量", "影响力");

    private TextTargets() {
    }

    /** A target found in a sentence; the target is parsed with {@link Target#parse}. */
    record Found(String name, String unitOfMeasure, Target target, String sentence) {
    }

    /** A number that looked like a target but could not be read as one. */
    record Unreadable(String written, String sentence, String reason) {
    }

    /**
     * @param text        one line of a task's text (a paragraph, or one line of a project)
     * @param yearBefore  the target year stated earlier in the same task, or null
     * @param unreadable  receives what looked like a target but is not one {@link Target} understands
     * @return targets in the order written
     */
    static List<Found> in(String text, Integer[] yearBefore, List<Unreadable> unreadable) {
        List<Found> found = new ArrayList<>();
        for (String sentence : text.split("(?<=[。；;！？\\n])")) {
            String trimmed = sentence.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Integer year = year(trimmed);
            if (year != null) {
                yearBefore[0] = year;
            }
            readSentence(trimmed, yearBefore[0], found, unreadable);
        }
        return found;
    }

    private static Integer year(String sentence) {
        Matcher stated = YEAR.matcher(sentence);
        if (stated.find()) {
            return Integer.parseInt(stated.group(1));
        }
        Matcher deadline = DEADLINE_YEAR.matcher(sentence);
        return deadline.find() ? Integer.parseInt(deadline.group(1)) : null;
    }

    private static void readSentence(String sentence, Integer year, List<Found> found, List<Unreadable> unreadable) {
        Matcher quantity = QUANTITY.matcher(sentence);
        int previousEnd = 0;
        while (quantity.find()) {
            String number = quantity.group(1);
            String measure = quantity.group(2);
            String suffix = quantity.group(3) == null ? "" : quantity.group(3);
            boolean percent = number.contains("%") || number.contains("％");
            int start = quantity.start();
            int end = quantity.end();
            if (!percent && measure == null || !accepted(sentence, start, end, measure)) {
                continue;
            }
            String before = sentence.substring(0, start);
            Matcher bound = BOUND_BEFORE.matcher(before);
            String boundWord = "";
            int subjectEnd = start;
            if (bound.find()) {
                boundWord = bound.group(1);
                subjectEnd = bound.start();
            }
            String unit = percent ? "%" : measure;
            String numberAndUnit = number.replaceAll("\\s+", "") + (measure == null ? "" : measure);
            String written = boundWord + numberAndUnit + suffix;
            Target target = parse(year, written);
            if (target == null && measure != null) {
                // 1—2个: a range is read without its unit of measure
                written = boundWord + number.replaceAll("\\s+", "") + suffix;
                target = parse(year, written);
            }
            if (target == null) {
                unreadable.add(new Unreadable(boundWord + numberAndUnit + suffix, sentence,
                        "not a number, a range or a bound"));
                previousEnd = end;
                continue;
            }
            String name = objectAfter(sentence, end);
            if (name.isEmpty()) {
                name = subjectBefore(sentence, Math.max(previousEnd, clauseStart(sentence, subjectEnd)), subjectEnd);
            }
            if (name.isEmpty()) {
                name = sentence.length() > 20 ? sentence.substring(0, 20) + "…" : sentence;
            }
            found.add(new Found(name, unit, target, sentence));
            previousEnd = end;
        }
    }

    private static boolean accepted(String sentence, int start, int end, String measure) {
        String after = sentence.substring(end);
        if (start > 0 && sentence.charAt(start - 1) == '第') {
            return false; // 第3批: an ordinal
        }
        if (after.startsWith("的") || after.startsWith("之")) {
            return false; // 超过5亿元的企业: qualifies a noun
        }
        // 6个月, 3个工作日: a duration
        return !("个".equals(measure) && (after.startsWith("月") || after.startsWith("工作日") || after.startsWith("小时")));
    }

    private static Target parse(Integer year, String written) {
        try {
            return Target.parse(year, written);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int clauseStart(String sentence, int before) {
        int start = 0;
        Matcher end = CLAUSE_END.matcher(sentence.substring(0, before));
        while (end.find()) {
            start = end.end();
        }
        return start;
    }

    /** 1—2个龙头企业 → 龙头企业; nothing when the clause ends at the number. */
    private static String objectAfter(String sentence, int from) {
        String rest = sentence.substring(from);
        Matcher end = CLAUSE_END.matcher(rest);
        String object = end.find() ? rest.substring(0, end.start()) : rest;
        if (object.matches("^[、和及与].*")) {
            return ""; // 30名、基层名中医50名: a list goes on, the name stands before the number
        }
        // 2个专科和1个中心: the object stops where the next counted thing begins
        Matcher next = Pattern.compile("(和|及|与|、)\\s*\\d").matcher(object);
        if (next.find()) {
            object = object.substring(0, next.start());
        }
        Matcher stop = OBJECT_STOP.matcher(object);
        if (stop.find() && stop.start() >= 2) {
            object = object.substring(0, stop.start());
        }
        return head(object.strip(), false);
    }

    /** 力争创建国家及省级中医重点专科5—8个 → 国家及省级中医重点专科; 覆盖率均达到70% → 覆盖率. */
    private static String subjectBefore(String sentence, int from, int to) {
        String subject = from < to ? sentence.substring(from, to).strip() : "";
        for (boolean changed = true; changed && !subject.isEmpty(); ) {
            changed = false;
            Matcher tail = SUBJECT_TAIL.matcher(subject);
            if (tail.find() && tail.start() > 0) {
                subject = subject.substring(0, tail.start()).strip();
                changed = true;
            }
            Matcher head = SUBJECT_HEAD.matcher(subject);
            if (head.lookingAt() && head.end() < subject.length()) {
                subject = subject.substring(head.end()).strip();
                changed = true;
            }
        }
        return head(subject, true);
    }

    /**
     * The thing counted: the noun after the last 的 (a noun phrase there keeps its verbs: 技术推广中心); in a subject
     * without 的, what its verb acts on (力争创建国家及省级中医重点专科 → 国家及省级中医重点专科).
     */
    private static String head(String phrase, boolean subject) {
        String name = phrase.replaceAll("^[的和及与、]+|[和及与、的]+$", "").strip();
        int of = name.lastIndexOf('的');
        if (of >= 0) {
            String after = name.substring(of + 1);
            String before = name.substring(0, of);
            return (ABSTRACT.contains(after) || after.isEmpty() ? before.substring(before.lastIndexOf('的') + 1) : after).strip();
        }
        if (subject && !MEASURED.matcher(name).matches()) {
            // the last verb, unless what it leaves is a bare 中心 or 基地 of a longer name (建设技术推广中心)
            int longer = -1;
            int shorter = -1;
            Matcher verb = VERB.matcher(name);
            while (verb.find()) {
                // 教育、培训和临床实习人员: a verb inside a list of nouns does not start the thing counted
                boolean inList = verb.start() > 0 && "、和及与".indexOf(name.charAt(verb.start() - 1)) >= 0;
                int left = name.length() - verb.end();
                if (!inList && left >= 3) {
                    longer = verb.end();
                } else if (!inList && left == 2) {
                    shorter = verb.end();
                }
            }
            int cut = longer >= 0 ? longer : shorter;
            if (cut > 0) {
                return name.substring(cut).strip();
            }
        }
        return name;
    }
}
