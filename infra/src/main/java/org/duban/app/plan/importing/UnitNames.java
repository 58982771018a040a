package org.duban.app.plan.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Splitting a 责任单位 cell into unit names, as the documents write them ("列首位的为牵头单位"). */
final class UnitNames {
    private static final String SEPARATORS = "、，,；;\n\r";
    private static final Pattern COLLECTIVE = Pattern.compile("^各.+|.*(有关部门|有关单位|相关部门|相关单位|等部门|等单位)$|^市级.*部门$|^区级.*部门$");

    private UnitNames() {
    }

    /** Names in order, first one leading; never split inside parentheses; each name once. */
    static List<String> split(String cell) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        StringBuilder name = new StringBuilder();
        int depth = 0;
        for (char c : cell.toCharArray()) {
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
            if (depth == 0 && SEPARATORS.indexOf(c) >= 0) {
                add(names, name);
            } else {
                name.append(c);
            }
        }
        add(names, name);
        return new ArrayList<>(names);
    }

    private static void add(LinkedHashSet<String> names, StringBuilder name) {
        String text = name.toString().strip();
        if (!text.isEmpty()) {
            names.add(text);
        }
        name.setLength(0);
    }

    /** 各区县政府, 市级有关部门, "…等部门": a group named collectively. */
    static boolean isCollective(String name) {
        return COLLECTIVE.matcher(name).matches();
    }

    /** 区卫生健康委（区疾控局） → 区卫生健康委; a name without a trailing parenthesis → itself. */
    static String outerName(String name) {
        int open = Math.max(name.lastIndexOf('（'), name.lastIndexOf('('));
        return open > 0 && (name.endsWith("）") || name.endsWith(")")) ? name.substring(0, open).strip() : name;
    }
}
