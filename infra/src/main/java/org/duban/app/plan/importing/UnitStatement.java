package org.duban.app.plan.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plan written as text says about who answers for a task, read from the bracket that ends its paragraph
 * ({@code 〔责任单位：A、B，各县（区）人民政府。列首位的为牵头单位，下同〕}, {@code （A牵头，B、C按职责分工负责）},
 * {@code （牵头单位：A；配合单位：B、C）}) or from a project's 部门分工 line.
 *
 * @param units         the lead first, then the co-units, each once; collectives such as 各县（区）人民政府 are one name
 * @param leadNamed     true when a unit is named as 牵头 (rather than being the lead because it is listed first)
 * @param statesFirstLeads the statement itself says 列首位的为牵头单位
 * @param timeLimits    time limits written inside the bracket (2025年底前完成, 持续推进), as written
 * @param shortened     unit names written with 等 (A、B等负责), as written; only the listed units are read
 */
record UnitStatement(List<String> units, boolean leadNamed, boolean statesFirstLeads, List<String> timeLimits,
                     List<String> shortened) {

    private static final String OPEN = "（(〔【[［";
    private static final String CLOSE = "）)〕】]］";
    static final Pattern FIRST_LEADS = Pattern.compile("(列|排)(在|名)?(首位|第一位?)的?(单位)?(为|是)牵头单位");
    private static final Pattern LABEL = Pattern.compile(
            "(主要责任单位|责任单位|责任部门|牵头单位|牵头部门|主责单位|配合单位|配合部门|协办单位|参与单位|协助单位)\\s*[：:]");
    private static final Pattern LEAD_NAMED = Pattern.compile("^(?:由)?(.+?)(?:共同)?牵头(?:负责|抓总)?(?:[，,；;、]\\s*(.*))?$", Pattern.DOTALL);
    private static final Pattern DUTY_SUFFIX = Pattern.compile(
            "(按照?职责分工负责|按照?职责分工|按照?职责负责|分工负责|共同负责|配合落实|负责落实|具体负责|负责|配合|参与)$");
    private static final Pattern ET_CETERA = Pattern.compile("^(.+?)(等有关部门|等相关部门|等有关单位|等相关单位|等部门|等单位|等)$");
    private static final Pattern IS_STATEMENT = Pattern.compile(
            "^\\s*(主要责任单位|责任单位|责任部门|牵头单位|牵头部门|主责单位)\\s*[：:].*|.*牵头.*|.+(分工负责|按职责负责)$", Pattern.DOTALL);

    UnitStatement {
        units = List.copyOf(units);
        timeLimits = List.copyOf(timeLimits);
        shortened = List.copyOf(shortened);
    }

    /** A paragraph that ends in a unit bracket: the text before it and what the bracket says. */
    record Bracketed(String text, String bracket, UnitStatement statement) {
    }

    /**
     * The unit bracket that ends a paragraph, if the last bracket names units; a full stop, or a time limit such as
     * 2025年底前完成, may follow it.
     */
    static Optional<Bracketed> trailing(String paragraph) {
        String text = paragraph.strip();
        int end = text.length();
        while (end > 0 && "。．.；;，, ".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String after = "";
        int lastClose = lastIndexOfAny(text, CLOSE, end);
        if (lastClose >= 0 && lastClose < end - 1 && TextDeadlines.isTimeLimit(text.substring(lastClose + 1, end))) {
            after = text.substring(lastClose + 1, end).strip();
            end = lastClose + 1;
        }
        if (end == 0 || CLOSE.indexOf(text.charAt(end - 1)) < 0) {
            return Optional.empty();
        }
        int depth = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (CLOSE.indexOf(c) >= 0) {
                depth++;
            } else if (OPEN.indexOf(c) >= 0 && --depth == 0) {
                String content = text.substring(i + 1, end - 1).strip();
                if (!IS_STATEMENT.matcher(content).matches()) {
                    return Optional.empty();
                }
                UnitStatement statement = read(content);
                if (!after.isEmpty()) {
                    List<String> timeLimits = new ArrayList<>(statement.timeLimits());
                    timeLimits.add(after.replaceAll("^[，,；;。\\s]+", ""));
                    statement = new UnitStatement(statement.units(), statement.leadNamed(), statement.statesFirstLeads(),
                            timeLimits, statement.shortened());
                }
                return Optional.of(new Bracketed(text.substring(0, i).strip(), text.substring(i, end), statement));
            }
        }
        return Optional.empty();
    }

    private static int lastIndexOfAny(String text, String characters, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the words of a bracket or of a 部门分工 line, without the brackets. */
    static UnitStatement read(String content) {
        boolean statesFirstLeads = false;
        List<String> timeLimits = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        // sentences such as 列首位的为牵头单位 / 下同 and time limits are not unit names
        for (String sentence : splitOutside(content, "。")) {
            if (FIRST_LEADS.matcher(sentence).find()) {
                statesFirstLeads = true;
                continue;
            }
            if (sentence.strip().equals("下同")) {
                continue;
            }
            List<String> parts = splitKeepingSeparators(sentence, "，,；;");
            for (int i = 0; i < parts.size(); i += 2) {
                String part = parts.get(i);
                String separator = i + 1 < parts.size() ? parts.get(i + 1) : "";
                if (TextDeadlines.isTimeLimit(part)) {
                    timeLimits.add(part.strip());
                } else if (part.strip().equals("下同")) {
                    continue;
                } else {
                    kept.append(part).append(separator);
                }
            }
            kept.append('；');
        }
        String words = kept.toString().replaceAll("[，,；;\\s]+$", "");

        List<String> leads = new ArrayList<>();
        List<String> others = new ArrayList<>();
        List<String> shortened = new ArrayList<>();
        boolean leadNamed = false;
        Matcher label = LABEL.matcher(words);
        List<int[]> labels = new ArrayList<>();
        while (label.find()) {
            labels.add(new int[]{label.start(), label.end()});
        }
        if (labels.isEmpty()) {
            leadNamed = readUnlabelled(words, leads, others, shortened);
        } else {
            for (int i = 0; i < labels.size(); i++) {
                String name = words.substring(labels.get(i)[0], labels.get(i)[1]).replaceAll("[：:\\s]", "");
                int to = i + 1 < labels.size() ? labels.get(i + 1)[0] : words.length();
                String listed = words.substring(labels.get(i)[1], to).replaceAll("[，,；;。\\s]+$", "");
                if (name.startsWith("牵头") || name.equals("主责单位")) {
                    leads.addAll(names(listed, shortened));
                    leadNamed = true;
                } else if (name.startsWith("配合") || name.equals("协办单位") || name.equals("参与单位") || name.equals("协助单位")) {
                    others.addAll(names(listed, shortened));
                } else {
                    leadNamed |= readUnlabelled(listed, leads, others, shortened);
                }
            }
        }
        LinkedHashSet<String> units = new LinkedHashSet<>(leads);
        units.addAll(others);
        return new UnitStatement(new ArrayList<>(units), leadNamed, statesFirstLeads, timeLimits, shortened);
    }

    /** "A牵头，B、C负责" or a plain list; returns whether a lead was named. */
    private static boolean readUnlabelled(String words, List<String> leads, List<String> others, List<String> shortened) {
        Matcher named = LEAD_NAMED.matcher(words.strip());
        if (named.matches()) {
            leads.addAll(names(named.group(1), shortened));
            if (named.group(2) != null) {
                others.addAll(names(named.group(2), shortened));
            }
            return true;
        }
        others.addAll(names(words, shortened));
        return false;
    }

    private static List<String> names(String listed, List<String> shortened) {
        String words = listed.strip().replaceAll("[，,；;。\\s]+$", "");
        for (Matcher duty = DUTY_SUFFIX.matcher(words); duty.find(); duty = DUTY_SUFFIX.matcher(words)) {
            words = words.substring(0, duty.start()).strip();
        }
        // UnitNames removes 等部门 and the like; the names written so are kept for the remark
        for (String part : UnitNames.parts(words)) {
            if (ET_CETERA.matcher(part).matches()) {
                shortened.add(part);
            }
        }
        return UnitNames.split(words);
    }

    /** Splits on the given characters where they stand outside parentheses. */
    private static List<String> splitOutside(String text, String separators) {
        List<String> parts = splitKeepingSeparators(text, separators);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += 2) {
            if (!parts.get(i).isBlank()) {
                pieces.add(parts.get(i));
            }
        }
        return pieces;
    }

    /** Text and separators alternately (text, separator, text, …), splitting only outside parentheses. */
    private static List<String> splitKeepingSeparators(String text, String separators) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (depth == 0 && separators.indexOf(c) >= 0) {
                parts.add(part.toString());
                parts.add(String.valueOf(c));
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
