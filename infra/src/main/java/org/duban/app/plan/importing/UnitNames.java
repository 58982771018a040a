package org.duban.app.plan.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading a 责任单位 cell or bracket into unit names as the documents write them: the first listed leads
 * ("列首位的为牵头单位") unless one is marked 牵头; a list ending in 等部门 names its departments and no collective;
 * a remark in parentheses that defines an abbreviation (（自治县，以下简称区县）) is not part of the unit's name.
 */
final class UnitNames {
    private static final String SEPARATORS = "、，,；;\n\r";
    private static final Pattern COLLECTIVE = Pattern.compile(
            "^各.+|.*(有关部门|有关单位|相关部门|相关单位|成员单位)$|^(市级|区级|县级|省级|区县级?)(有关|相关)?(部门|单位)$|^(市|区|县)级.*部门$");
    /** What a list says of itself rather than naming a unit: 等部门, 及有关单位, 按职责分工负责. */
    private static final Pattern TRAILER = Pattern.compile(
            "(按职责分工负责|按职责分工|分工负责|分别负责|按职责负责|共同负责|配合|参与|负责)$");
    private static final Pattern SUFFIX = Pattern.compile("(等有关部门|等相关部门|等部门|等单位|等有关单位|等相关单位|及有关单位|及相关单位|及有关部门|及相关部门|等)$");
    private static final Pattern LEAD_MARK = Pattern.compile("^(.+?)\\s*(?:[（(]牵头[）)]|牵头)$");
    /** A parenthesis that defines or explains rather than names: （自治县，以下简称区县）. */
    private static final Pattern DEFINING = Pattern.compile("[（(][^（）()]*(简称|以下|下同|含)[^（）()]*[）)]");

    private static final Pattern PLACE = Pattern.compile("^[\\u4e00-\\u9fa5]{1,8}(区|县|自治县|市|镇|街道)$");
    private static final Pattern GOVERNMENT = Pattern.compile("^([\\u4e00-\\u9fa5]{1,8}(?:区|县|自治县|市|镇|街道))(人民政府|政府|管委会|办事处)$");

    private UnitNames() {
    }

    /**
     * The units a cell names: the lead first, each once, suffixes such as 等部门 removed (see {@link #notes}),
     * never split inside parentheses.
     */
    static List<String> split(String cell) {
        List<String> written = parts(cell);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        String lead = null;
        for (String part : written) {
            String name = part;
            for (boolean changed = true; changed; ) {
                String before = name;
                name = TRAILER.matcher(name).replaceFirst("").strip();
                Matcher marked = LEAD_MARK.matcher(name);
                if (marked.matches()) {
                    name = marked.group(1).strip();
                    if (lead == null) {
                        lead = name;
                    }
                }
                name = SUFFIX.matcher(name).replaceFirst("").strip();
                changed = !name.equals(before) && !name.isEmpty();
            }
            // 各区县（自治县，以下简称区县）政府 is 各区县政府; the remark is kept in the task's notes
            String defined = DEFINING.matcher(name).replaceAll("").strip();
            name = defined.isEmpty() ? name : defined;
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        List<String> ordered = sharedSuffix(new ArrayList<>(names));
        if (lead != null && ordered.remove(lead)) {
            ordered.add(0, lead);
        }
        return ordered;
    }

    /**
     * 永川区、北碚区、江津区政府: places listed before one 政府 (管委会) each mean that place's government, as the
     * gazettes write them.
     */
    private static List<String> sharedSuffix(List<String> names) {
        List<String> expanded = new ArrayList<>(names);
        for (int i = 1; i < expanded.size(); i++) {
            Matcher governed = GOVERNMENT.matcher(expanded.get(i));
            if (!governed.matches()) {
                continue;
            }
            for (int before = i - 1; before >= 0 && PLACE.matcher(expanded.get(before)).matches(); before--) {
                expanded.set(before, expanded.get(before) + governed.group(2));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(expanded));
    }

    /** What the importer noted while splitting: the words it removed (等部门), or null when it removed none. */
    static String notes(String cell) {
        for (String part : parts(cell)) {
            String name = TRAILER.matcher(part).replaceFirst("").strip();
            Matcher marked = LEAD_MARK.matcher(name);
            name = marked.matches() ? marked.group(1).strip() : name;
            if (SUFFIX.matcher(name).find() || DEFINING.matcher(name).find()) {
                return "责任单位原文为“" + cell.replaceAll("\\s+", "") + "”";
            }
        }
        return null;
    }

    /** The names as written, split outside parentheses, nothing removed. */
    static List<String> parts(String cell) {
        List<String> parts = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int depth = 0;
        for (char c : cell.toCharArray()) {
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
                add(parts, name);
            } else {
                name.append(c);
            }
        }
        add(parts, name);
        return parts;
    }

    private static void add(List<String> names, StringBuilder name) {
        String text = name.toString().strip().replaceAll("[。.]+$", "").strip();
        if (!text.isEmpty()) {
            names.add(text);
        }
        name.setLength(0);
    }

    /** 各区县政府, 市级有关部门, 各有关单位: a group named collectively, which a supervisor later resolves. */
    static boolean isCollective(String name) {
        return COLLECTIVE.matcher(canonicalName(name)).matches();
    }

    /**
     * The name a unit is registered under: 区卫生健康委（区疾控局） → 区卫生健康委; 各区县（自治县，以下简称区县）政府 →
     * 各区县政府; 各县（区）人民政府 → itself (the parenthesis is part of the name).
     */
    static String canonicalName(String name) {
        String withoutRemarks = DEFINING.matcher(name).replaceAll("").strip();
        if (!withoutRemarks.equals(name) && !withoutRemarks.isEmpty()) {
            return withoutRemarks;
        }
        int open = Math.max(name.lastIndexOf('（'), name.lastIndexOf('('));
        boolean trailing = open > 0 && (name.endsWith("）") || name.endsWith(")"));
        // 各县（区）: a one-character parenthesis inside the name is part of it
        return trailing && name.length() - open > 3 ? name.substring(0, open).strip() : name;
    }
}
