package org.duban.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the JSON of {@code GET /api/plans/{id}/tree} in tests. */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class PlanTrees {
    private PlanTrees() {
    }

    /** Every task of the tree: those under no section first, then depth first in document order. */
    public static List<Map> allTasks(Map tree) {
        List<Map> found = new ArrayList<>((List<Map>) tree.get("unsectionedTasks"));
        collect((List<Map>) tree.get("sections"), found);
        return found;
    }

    /** The tasks led by the unit of that name, in document order. */
    public static List<Map> ledBy(Map tree, String unitName) {
        return allTasks(tree).stream().filter(task -> unitName.equals(((Map) task.get("leadUnit")).get("name"))).toList();
    }

    private static void collect(List<Map> sections, List<Map> into) {
        for (Map section : sections) {
            into.addAll((List<Map>) section.get("tasks"));
            collect((List<Map>) section.get("children"), into);
        }
    }
}
