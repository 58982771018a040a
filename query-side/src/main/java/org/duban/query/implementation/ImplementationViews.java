package org.duban.query.implementation;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.implementation.FindImplementation;
import org.duban.api.implementation.Implementation;
import org.duban.api.implementation.Implementation.ChildPlan;
import org.duban.api.implementation.Implementation.ChildTask;
import org.duban.api.implementation.Implementation.Counterpart;
import org.duban.api.implementation.Implementation.ItemKind;
import org.duban.api.implementation.Implementation.ParentItem;
import org.duban.query.implementation.Counterparts.Item;
import org.duban.query.implementation.Counterparts.Match;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parent plan's picture: per child plan (plan_summary.parent_plan_id) its tasks by on-schedule status (task_status,
 * kept by the status projection), its reports accepted and overdue (task_report), and the parent's tasks, task-less
 * sections and indicators that have no {@link Counterparts counterpart} in it. Read only; the matching runs on each
 * query, a few thousand comparisons for plans of this size.
 */
@Component
class ImplementationViews {
    private final JdbcTemplate jdbc;

    ImplementationViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Implementation handle(FindImplementation query) {
        String title = jdbc.query("select title from plan_summary where plan_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, query.planId());
        if (title == null) {
            return new Implementation(query.planId(), null, List.of());
        }
        PlanItems parent = PlanItems.read(jdbc, query.planId());
        List<ChildPlan> children = jdbc.query("select plan_id, title, document_number, status from plan_summary "
                        + "where parent_plan_id = ? order by created_at, plan_id",
                (rs, n) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                query.planId()).stream().map(row -> child(parent, row)).toList();
        return new Implementation(query.planId(), title, children);
    }

    private ChildPlan child(PlanItems parent, String[] row) {
        String planId = row[0];
        List<ChildTask> tasks = jdbc.query("select t.task_id, t.code, t.text, t.lead_unit_name, s.status, "
                        + "(select count(*) from task_report r where r.task_id = t.task_id and r.status = 'ACCEPTED') as accepted, "
                        + "(select count(*) from task_report r where r.task_id = t.task_id and r.overdue "
                        + "and r.status <> 'ACCEPTED') as overdue "
                        + "from plan_task t left join task_status s on s.task_id = t.task_id "
                        + "where t.plan_id = ? order by t.number",
                (rs, n) -> new ChildTask(rs.getString("task_id"), rs.getString("code"), rs.getString("text"),
                        rs.getString("lead_unit_name"), rs.getString("status"), rs.getInt("accepted"),
                        rs.getInt("overdue")), planId);
        Map<String, Integer> byStatus = new HashMap<>();
        tasks.forEach(t -> byStatus.merge(t.status() == null ? "" : t.status(), 1, Integer::sum));

        PlanItems child = PlanItems.read(jdbc, planId);
        List<Item> candidates = new ArrayList<>(child.sections());
        candidates.addAll(child.tasks());
        List<ParentItem> gaps = new ArrayList<>();
        List<Counterpart> matches = new ArrayList<>();
        collect(parent, Counterparts.tasks(parent.toImplement(), candidates), gaps, matches);
        collect(parent, Counterparts.indicators(parent.indicators(), child.indicators()), gaps, matches);
        return new ChildPlan(planId, row[1], row[2], row[3], tasks.size(), byStatus.getOrDefault("GREEN", 0),
                byStatus.getOrDefault("AMBER", 0), byStatus.getOrDefault("RED", 0), byStatus.getOrDefault("", 0),
                tasks.stream().mapToInt(ChildTask::accepted).sum(), tasks.stream().mapToInt(ChildTask::overdue).sum(),
                tasks, gaps, matches);
    }

    private static void collect(PlanItems parent, List<Match> found, List<ParentItem> gaps, List<Counterpart> matches) {
        for (Match match : found) {
            Item item = match.parent();
            ParentItem parentItem = new ParentItem(parent.kindOf(item), item.id(), item.code(), item.text(),
                    parent.sectionTitleOf(item), Math.round(match.score() * 1000) / 1000.0);
            if (match.found()) {
                matches.add(new Counterpart(parentItem, match.counterpart().id(), match.counterpart().text(),
                        parentItem.closest()));
            } else {
                gaps.add(parentItem);
            }
        }
    }

    /** A plan's sections, tasks and indicators as items to match, with the headings they sit under. */
    record PlanItems(List<Item> sections, List<Item> tasks, List<Item> indicators, List<Item> toImplement,
                     Map<String, ItemKind> kinds, Map<String, String> sectionTitles) {

        static PlanItems read(JdbcTemplate jdbc, String planId) {
            Map<String, String> titles = new HashMap<>();
            Map<String, String> sectionOf = new HashMap<>();
            Map<String, ItemKind> kinds = new HashMap<>();
            Set<String> parentsOfSomething = new HashSet<>();
            List<Item> sections = jdbc.query("select section_id, parent_section_id, code, title from plan_section "
                    + "where plan_id = ? order by position", (rs, n) -> {
                String id = rs.getString("section_id");
                String code = rs.getString("code");
                titles.put(id, (code == null ? "" : code) + rs.getString("title"));
                if (rs.getString("parent_section_id") != null) {
                    parentsOfSomething.add(rs.getString("parent_section_id"));
                    sectionOf.put(id, rs.getString("parent_section_id"));
                }
                kinds.put(id, ItemKind.SECTION);
                return new Item(id, code, rs.getString("title"), null);
            }, planId);
            List<Item> tasks = jdbc.query("select task_id, section_id, code, text from plan_task where plan_id = ? "
                    + "order by number", (rs, n) -> {
                String id = rs.getString("task_id");
                if (rs.getString("section_id") != null) {
                    parentsOfSomething.add(rs.getString("section_id"));
                    sectionOf.put(id, rs.getString("section_id"));
                }
                kinds.put(id, ItemKind.TASK);
                return new Item(id, rs.getString("code"), rs.getString("text"), null);
            }, planId);
            List<Item> indicators = jdbc.query("select indicator_id, code, name, unit_of_measure from plan_indicator "
                    + "where plan_id = ? order by number", (rs, n) -> {
                kinds.put(rs.getString("indicator_id"), ItemKind.INDICATOR);
                return new Item(rs.getString("indicator_id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("unit_of_measure"));
            }, planId);
            // what a child is to implement: every task, and every heading with nothing under it (a plan such as the
            // city's, whose programmes' parts are commitments with no tasks listed)
            List<Item> toImplement = new ArrayList<>(tasks);
            sections.stream().filter(s -> !parentsOfSomething.contains(s.id())).forEach(toImplement::add);
            Map<String, String> sectionTitles = new HashMap<>();
            sectionOf.forEach((item, section) -> sectionTitles.put(item, titles.get(section)));
            return new PlanItems(sections, tasks, indicators, toImplement, kinds, sectionTitles);
        }

        ItemKind kindOf(Item item) {
            return kinds.getOrDefault(item.id(), ItemKind.TASK);
        }

        String sectionTitleOf(Item item) {
            return sectionTitles.get(item.id());
        }
    }
}
