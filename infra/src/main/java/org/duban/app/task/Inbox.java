package org.duban.app.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.evaluation.FindEvaluationRounds;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.reporting.FindReturnedReports;
import org.duban.api.reporting.ReturnedReport;
import org.duban.api.supervision.FindSupervisionCasesById;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.task.FindTaskLines;
import org.duban.api.task.FindTaskPlaces;
import org.duban.api.task.TaskNumbers;
import org.duban.api.task.TaskLine;
import org.duban.api.task.TaskPlace;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.duban.process.steps.OpenStep;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingSteps;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 我的待办: the open steps of the user's unit (or, for supervisors, of the supervisors on the plans their office
 * oversees), as the workflow answers them, enriched from the projections, each in its urgency group and sorted by
 * group, then due date. A busy unit has thousands of steps and reads a page of them: every step is sorted and narrowed
 * on its task's place ({@link TaskPlace}), and only the steps returned get their task's words ({@link TaskLine}).
 */
@Component
public class Inbox {
    /** A returned report shows this many characters of the reason, enough for its first words. */
    static final int REASON_SHOWN = 20;
    /** A step due at most this many working days after today is due soon, as the reminder before a due date counts. */
    static final int DUE_SOON_WORKING_DAYS = 3;

    private final WaitingSteps waiting;
    private final QueryGateway queries;
    private final WorkingDays workingDays;

    Inbox(WaitingSteps waiting, QueryGateway queries, WorkingDays workingDays) {
        this.waiting = waiting;
        this.queries = queries;
        this.workingDays = workingDays;
    }

    /** How urgent a step is, most urgent first; a step is in the first group whose rule it meets. */
    public enum Group {
        /** its due date has passed */
        OVERDUE,
        /** due today or within the next three working days */
        DUE_SOON,
        /** a report the supervisors sent back to be written again */
        RETURNED,
        /** everything else */
        NEW;

        static Group of(LocalDate due, boolean returned, LocalDate today, LocalDate dueSoonUntil) {
            if (due != null && due.isBefore(today)) {
                return OVERDUE;
            }
            if (due != null && !due.isAfter(dueSoonUntil)) {
                return DUE_SOON;
            }
            return returned ? RETURNED : NEW;
        }
    }

    /**
     * @param step         the kind of work: acknowledgeTask, confirmPart, decideAdjustment, contribute, writeReport,
     *                     reviewReport, handleEscalation
     * @param period       the reporting period, for report steps
     * @param code         the task's number as the document prints it, or absent
     * @param group        how urgent the step is
     * @param returnReason why the report was returned, for a report to be written again, else null
     * @param caseId       the supervision case a case's step is about (its task, if it concerns one, in taskId)
     * @param roundId      the evaluation round a round's step is about (its title in text)
     */
    public record Item(String userTaskId, String step, String stepName, String taskId, String period, String planId,
                       String planTitle, int number, String code, String text, String leadUnit, Instant due,
                       Instant created, Group group, String returnReason, String caseId, String roundId) {

        /** A step on a task, a report or a supervision case. */
        public Item(String userTaskId, String step, String stepName, String taskId, String period, String planId,
                    String planTitle, int number, String code, String text, String leadUnit, Instant due,
                    Instant created, Group group, String returnReason, String caseId) {
            this(userTaskId, step, stepName, taskId, period, planId, planTitle, number, code, text, leadUnit, due,
                    created, group, returnReason, caseId, null);
        }

        /** A step on a task or report. */
        public Item(String userTaskId, String step, String stepName, String taskId, String period, String planId,
                    String planTitle, int number, String code, String text, String leadUnit, Instant due,
                    Instant created, Group group, String returnReason) {
            this(userTaskId, step, stepName, taskId, period, planId, planTitle, number, code, text, leadUnit, due,
                    created, group, returnReason, null);
        }

        public String shownNumber() {
            return roundId != null ? "" : TaskNumbers.shown(number, code);
        }

        /** The reason's first words, to read at a glance; the whole reason is on the task page. */
        public String returnReasonStart() {
            return firstWords(returnReason);
        }
    }

    /** What a reader narrows the inbox to; a blank field does not narrow. */
    public record Filter(String plan, String step, String period, Group group) {
        public static final Filter NONE = new Filter(null, null, null, null);

        public Filter {
            plan = blankToNull(plan);
            step = blankToNull(step);
            period = blankToNull(period);
        }

        boolean admits(Item item) {
            return (plan == null || plan.equals(item.planId())) && (step == null || step.equals(item.step()))
                    && (period == null || period.equals(item.period())) && (group == null || group == item.group());
        }

        public boolean narrows() {
            return plan != null || step != null || period != null || group != null;
        }

        public Filter withGroup(Group group) {
            return new Filter(plan, step, period, group);
        }

        /** The filter and a page as the query of the inbox page's address, encoded. */
        public String query(int page) {
            UriComponentsBuilder query = UriComponentsBuilder.newInstance();
            if (plan != null) {
                query.queryParam("plan", plan);
            }
            if (step != null) {
                query.queryParam("step", step);
            }
            if (period != null) {
                query.queryParam("period", period);
            }
            if (group != null) {
                query.queryParam("group", group.name());
            }
            return query.queryParam("page", page).encode().build().getQuery();
        }
    }

    /** How many steps wait in one group. */
    public record GroupCount(Group group, int count) {
    }

    /** The number of waiting steps of each group, in the order of urgency, and in all. */
    public record Counts(List<GroupCount> groups, int total) {
        public static final Counts NONE = of(List.of());

        static Counts of(List<Item> items) {
            Map<Group, Integer> counted = new EnumMap<>(Group.class);
            items.forEach(item -> counted.merge(item.group(), 1, Integer::sum));
            return of(counted);
        }

        static Counts of(Map<Group, Integer> counted) {
            return new Counts(Arrays.stream(Group.values()).map(group -> new GroupCount(group,
                    counted.getOrDefault(group, 0))).toList(), counted.values().stream().mapToInt(Integer::intValue).sum());
        }

        public int of(Group group) {
            return groups.stream().filter(count -> count.group() == group).mapToInt(GroupCount::count).sum();
        }
    }

    /** A plan a reader may narrow the inbox to. */
    public record PlanChoice(String planId, String title) {
    }

    /**
     * One page of the inbox as narrowed, with the counts of the whole inbox and the choices its items offer.
     *
     * @param page    from 1
     * @param matched how many items the filter admits, on all pages
     */
    public record Page(List<Item> items, int page, int pages, int matched, Counts counts, Counts matchedCounts,
                       List<PlanChoice> plans, List<String> steps, List<String> periods) {

        /** The pages to link: the first, the last and two either side of this one; 0 where pages are left out. */
        public List<Integer> links() {
            List<Integer> links = new ArrayList<>();
            for (int n = 1; n <= pages; n++) {
                if (n == 1 || n == pages || Math.abs(n - page) <= 2) {
                    links.add(n);
                } else if (links.get(links.size() - 1) != 0) {
                    links.add(0);
                }
            }
            return links;
        }
    }

    /** The whole inbox, most urgent first. */
    public List<Item> of(DubanUser user) {
        return of(user, Filter.NONE);
    }

    public List<Item> of(DubanUser user, Filter filter) {
        return withWords(placed(user).stream().filter(filter::admits).toList());
    }

    /** Part of the narrowed inbox, and how many items the filter admits in all. */
    public record Slice(List<Item> items, int matched) {
    }

    /** A slice holds at most this many items; the whole inbox is read without one. */
    public static final int MAX_SLICE = 1000;

    /**
     * The items of the narrowed inbox from {@code offset} (from 0), at most {@code limit} of them.
     *
     * @throws IllegalArgumentException for a negative offset, or a limit that is not positive or above {@link #MAX_SLICE}
     */
    public Slice slice(DubanUser user, Filter filter, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        }
        if (limit < 1 || limit > MAX_SLICE) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_SLICE + ", not " + limit);
        }
        List<Item> matched = placed(user).stream().filter(filter::admits).toList();
        int from = Math.min(offset, matched.size());
        return new Slice(withWords(matched.subList(from, (int) Math.min((long) from + limit, matched.size()))),
                matched.size());
    }

    /**
     * The counts of the whole inbox, for the navigation of every page, as {@link #of(DubanUser)} would group its items,
     * but counted in the database by kind and due date: a busy unit's inbox holds thousands of steps, and every page
     * counts them (docs/BENCHMARKS.md). A unit's steps are all its own; the supervisors' are counted on the plans,
     * cases and rounds their office oversees.
     */
    public Counts counts(DubanUser user) {
        LocalDate today = WorkflowClock.today();
        LocalDate dueSoonUntil = workingDays.plus(today, DUE_SOON_WORKING_DAYS);
        if (user.role() == Role.UNIT_USER) {
            String unitId = WorkAccess.unitIdOf(user);
            return unitId == null ? Counts.NONE : unitCounts(unitId, today, dueSoonUntil);
        }
        if (user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN) {
            return supervisorCounts(user, today, dueSoonUntil);
        }
        return Counts.of(placed(user));
    }

    private Counts unitCounts(String unitId, LocalDate today, LocalDate dueSoonUntil) {
        Map<Group, Integer> counted = new EnumMap<>(Group.class);
        waiting.tallyOfUnit(unitId).forEach(tally -> counted.merge(groupOf(tally.due(), false, today, dueSoonUntil),
                tally.count(), Integer::sum));
        // a returned report's step is RETURNED unless its due date puts it in a more urgent group
        List<String> returned = queries.query(FindReturnedReports.ofEveryTask(),
                        ResponseTypes.multipleInstancesOf(ReturnedReport.class)).join().stream()
                .map(report -> key(report.taskId(), report.periodKey())).toList();
        for (OpenStep step : waiting.reportsToWrite(unitId, returned)) {
            Group countedAs = groupOf(step.due(), false, today, dueSoonUntil);
            Group group = groupOf(step.due(), true, today, dueSoonUntil);
            if (group != countedAs) {
                counted.merge(countedAs, -1, Integer::sum);
                counted.merge(group, 1, Integer::sum);
            }
        }
        return Counts.of(counted);
    }

    private Counts supervisorCounts(DubanUser user, LocalDate today, LocalDate dueSoonUntil) {
        List<WaitingSteps.Tally> tallies = waiting.tallyOfSupervisors();
        Map<String, SupervisionCaseView> cases = supervisionCases(tallies.stream()
                .filter(tally -> tally.kind().ofSupervisionCase()).map(WaitingSteps.Tally::subject).toList());
        Map<String, RoundSummary> rounds = tallies.stream().anyMatch(tally -> tally.kind().ofEvaluationRound())
                ? allRounds() : Map.of();
        Map<String, TaskPlace> places = places(tallies.stream().filter(tally -> onTask(tally.kind()))
                .map(WaitingSteps.Tally::subject).toList());
        Map<Group, Integer> counted = new EnumMap<>(Group.class);
        for (WaitingSteps.Tally tally : tallies) {
            boolean seen = tally.kind().ofSupervisionCase() ? seesCase(cases.get(tally.subject()), user)
                    : tally.kind().ofEvaluationRound() ? seesRound(tally.kind(), rounds.get(tally.subject()), user)
                    : seesTask(places.get(tally.subject()), user);
            if (seen) {
                counted.merge(groupOf(tally.due(), false, today, dueSoonUntil), tally.count(), Integer::sum);
            }
        }
        // the rounds a supervisor scores in person; a scoring step's candidate is its evaluator alone, so none is
        // among the supervisors' steps counted above
        List<OpenStep> scoring = waiting.ofEvaluator(user.getUsername());
        Map<String, RoundSummary> scored = scoring.isEmpty() ? Map.of() : rounds.isEmpty() ? allRounds() : rounds;
        scoring.stream().filter(step -> seesRound(step.kind(), scored.get(step.taskId()), user))
                .forEach(step -> counted.merge(groupOf(step.due(), false, today, dueSoonUntil), 1, Integer::sum));
        return Counts.of(counted);
    }

    /** The page of the narrowed inbox; a page beyond the last is the last. */
    public Page page(DubanUser user, Filter filter, int page, int size) {
        List<Item> all = placed(user);
        List<Item> matched = all.stream().filter(filter::admits).toList();
        int pages = Math.max(1, (matched.size() + size - 1) / size);
        int shown = Math.min(Math.max(page, 1), pages);
        List<Item> items = withWords(matched.subList(Math.min((shown - 1) * size, matched.size()),
                Math.min(shown * size, matched.size())));
        // the choices, from one pass over thousands of items
        Set<String> stepKeys = new HashSet<>();
        Set<String> periods = new TreeSet<>();
        for (Item item : all) {
            stepKeys.add(item.step());
            if (item.period() != null) {
                periods.add(item.period());
            }
        }
        List<String> steps = Arrays.stream(StepKind.values()).map(StepKind::key).filter(stepKeys::contains).toList();
        return new Page(items, shown, pages, matched.size(), Counts.of(all), Counts.of(matched),
                plansInOrder(all).stream().filter(plan -> plan.planId() != null).toList(), steps,
                List.copyOf(periods));
    }

    /**
     * Every item of the user's inbox, most urgent first, placed but without the words of the tasks they are on
     * ({@link #withWords}): code, text and, on a task's step, its lead unit.
     */
    private List<Item> placed(DubanUser user) {
        String unitId = WorkAccess.unitIdOf(user);
        List<OpenStep> open = user.role() == Role.UNIT_USER ? unitId == null ? List.of() : waiting.ofUnit(unitId)
                : user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN ? withOwnScoring(waiting.ofSupervisors(), user)
                : user.role() == Role.EVALUATOR ? waiting.ofEvaluator(user.getUsername()) : List.of();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, SupervisionCaseView> cases = supervisionCases(open.stream()
                .filter(step -> step.kind().ofSupervisionCase()).map(OpenStep::taskId).toList());
        Map<String, RoundSummary> rounds = evaluationRounds(open);
        List<String> taskIds = new ArrayList<>(open.stream().filter(step -> onTask(step.kind()))
                .map(OpenStep::taskId).toList());
        cases.values().stream().map(c -> c.item().taskId()).filter(Objects::nonNull).forEach(taskIds::add);
        Map<String, TaskPlace> places = places(taskIds);
        Map<String, String> returnReasons = returnReasons(open);
        LocalDate today = WorkflowClock.today();
        LocalDate dueSoonUntil = workingDays.plus(today, DUE_SOON_WORKING_DAYS);
        return byUrgency(open.stream().map(step -> {
            if (step.kind().ofSupervisionCase()) {
                return caseItem(step, cases.get(step.taskId()), places, user, today, dueSoonUntil);
            }
            if (step.kind().ofEvaluationRound()) {
                return roundItem(step, rounds.get(step.taskId()), user, today, dueSoonUntil);
            }
            TaskPlace task = places.get(step.taskId());
            if (!seesTask(task, user)) {
                return null;
            }
            String reason = returnReason(step, returnReasons);
            return new Item(step.userTaskId(), step.kind().key(), step.name(), task.taskId(), step.period(),
                    task.planId(), task.planTitle(), task.number(), null, null, null, step.due(), step.created(),
                    groupOf(step, returnReasons, today, dueSoonUntil), reason == null || reason.isEmpty() ? null : reason);
        }).filter(Objects::nonNull).toList());
    }

    /**
     * Most urgent first: by group, then due date; steps due alike in the order of their plan's document (plans by
     * title, then id), then oldest first. Each plan is compared once, as a rank: thousands of steps due alike would
     * otherwise compare the same titles over and over (docs/BENCHMARKS.md).
     */
    static List<Item> byUrgency(List<Item> items) {
        Map<String, Integer> rank = new HashMap<>();
        plansInOrder(items).forEach(plan -> rank.put(plan.planId(), rank.size()));
        record Ranked(Item item, int plan) {
        }
        return items.stream().map(item -> new Ranked(item, rank.get(item.planId())))
                .sorted(Comparator.comparing((Ranked ranked) -> ranked.item().group())
                        .thenComparing(ranked -> ranked.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(Ranked::plan)
                        .thenComparingInt(ranked -> ranked.item().number())
                        .thenComparing(ranked -> ranked.item().period(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(ranked -> ranked.item().created(), Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Ranked::item).toList();
    }

    /** The plans the items are on (one without a plan among them too), by title, then id. */
    private static List<PlanChoice> plansInOrder(List<Item> items) {
        Map<String, String> titles = new HashMap<>();
        items.forEach(item -> titles.putIfAbsent(item.planId(), item.planTitle()));
        return titles.entrySet().stream().map(plan -> new PlanChoice(plan.getKey(), plan.getValue()))
                .sorted(Comparator.comparing(PlanChoice::title, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                        .thenComparing(PlanChoice::planId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** A supervisor who scores in a round has the scoring step as an evaluator, besides the supervisors' steps. */
    private List<OpenStep> withOwnScoring(List<OpenStep> supervisors, DubanUser user) {
        List<OpenStep> own = waiting.ofEvaluator(user.getUsername());
        if (own.isEmpty()) {
            return supervisors;
        }
        Map<String, OpenStep> all = new LinkedHashMap<>();
        supervisors.forEach(step -> all.put(step.userTaskId(), step));
        own.forEach(step -> all.putIfAbsent(step.userTaskId(), step));
        return new ArrayList<>(all.values());
    }

    /** The evaluation rounds the round steps among the open ones are about, by id, in one query. */
    private Map<String, RoundSummary> evaluationRounds(List<OpenStep> open) {
        return open.stream().anyMatch(step -> step.kind().ofEvaluationRound()) ? allRounds() : Map.of();
    }

    private Map<String, RoundSummary> allRounds() {
        return queries.query(new FindEvaluationRounds(null, null), ResponseTypes.multipleInstancesOf(RoundSummary.class))
                .join().stream().collect(Collectors.toMap(RoundSummary::roundId, Function.identity(), (a, b) -> a));
    }

    /**
     * The items with the words of the tasks they are on, read in one query for these items only: a busy unit's
     * thousands of task texts cost more to read than everything else its inbox page does (docs/BENCHMARKS.md).
     */
    private List<Item> withWords(List<Item> items) {
        List<String> taskIds = items.stream().map(Item::taskId).filter(Objects::nonNull).distinct().toList();
        if (taskIds.isEmpty()) {
            return items;
        }
        Map<String, TaskLine> lines = queries.query(new FindTaskLines(taskIds),
                        ResponseTypes.multipleInstancesOf(TaskLine.class)).join().stream()
                .collect(Collectors.toMap(TaskLine::taskId, Function.identity()));
        return items.stream().map(item -> withWords(item, lines.get(item.taskId()))).toList();
    }

    /** A case's step names its unit already; a task's step names the task's lead unit. */
    private static Item withWords(Item item, TaskLine task) {
        if (task == null) {
            return item;
        }
        return new Item(item.userTaskId(), item.step(), item.stepName(), item.taskId(), item.period(), item.planId(),
                item.planTitle(), item.number(), task.code(), task.text(),
                item.caseId() != null ? item.leadUnit() : task.leadUnit().name(), item.due(), item.created(),
                item.group(), item.returnReason(), item.caseId(), item.roundId());
    }

    /**
     * The place of each known task, in one query: where the inbox sorts and narrows it, and the office whose
     * supervisors see it (docs/BENCHMARKS.md).
     */
    private Map<String, TaskPlace> places(List<String> taskIds) {
        List<String> distinct = taskIds.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return queries.query(new FindTaskPlaces(distinct), ResponseTypes.multipleInstancesOf(TaskPlace.class))
                .join().stream().collect(Collectors.toMap(TaskPlace::taskId, Function.identity()));
    }

    /** A step on a task, not on a supervision case or an evaluation round. */
    private static boolean onTask(StepKind kind) {
        return !kind.ofSupervisionCase() && !kind.ofEvaluationRound();
    }

    /** A unit sees every step on its tasks; the others, the steps on the tasks of the plans their office oversees. */
    private static boolean seesTask(TaskPlace task, DubanUser user) {
        return task != null && (user.role() == Role.UNIT_USER || WorkAccess.supervises(task.supervisingUnit(), user));
    }

    /** A unit sees its own cases' steps; supervisors, the steps of their office's cases. */
    private static boolean seesCase(SupervisionCaseView supervised, DubanUser user) {
        return supervised != null && (user.role() == Role.UNIT_USER || WorkAccess.supervises(supervised.office(), user));
    }

    /** A supervisor sees the round steps of their office's rounds and the scoring they do in person. */
    private static boolean seesRound(StepKind kind, RoundSummary round, DubanUser user) {
        return round != null && (user.role() != Role.SUPERVISOR || kind == StepKind.SCORE_ROUND
                || WorkAccess.supervises(round.office(), user));
    }

    /**
     * An evaluation round's step: a unit's self-assessment, an evaluator's scoring, or for the supervisors of the
     * round's office its reconciliation, calibration, publication and follow-up; it names the round.
     */
    private Item roundItem(OpenStep step, RoundSummary round, DubanUser user, LocalDate today, LocalDate dueSoonUntil) {
        if (!seesRound(step.kind(), round, user)) {
            return null;
        }
        Group group = groupOf(step.due(), false, today, dueSoonUntil);
        return new Item(step.userTaskId(), step.kind().key(), step.name(), null, null, round.planId(),
                round.planTitle(), 0, null, round.title(), null, step.due(), step.created(), group, null, null,
                round.roundId());
    }

    /** The supervision cases by id, in one query. */
    private Map<String, SupervisionCaseView> supervisionCases(List<String> ids) {
        List<String> caseIds = ids.stream().distinct().toList();
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return queries.query(new FindSupervisionCasesById(caseIds),
                        ResponseTypes.multipleInstancesOf(SupervisionCaseView.class)).join().stream()
                .collect(Collectors.toMap(SupervisionCaseView::caseId, Function.identity()));
    }

    /**
     * A supervision case's step: the unit's own, or for supervisors one of their office's cases; it names the task the
     * case is about, or for an indicator's case the case's reason.
     */
    private Item caseItem(OpenStep step, SupervisionCaseView supervised, Map<String, TaskPlace> places,
                          DubanUser user, LocalDate today, LocalDate dueSoonUntil) {
        if (!seesCase(supervised, user)) {
            return null;
        }
        TaskPlace task = supervised.item().taskId() == null ? null : places.get(supervised.item().taskId());
        Group group = groupOf(step.due(), false, today, dueSoonUntil);
        return new Item(step.userTaskId(), step.kind().key(), step.name(), task == null ? null : task.taskId(),
                supervised.item().periodKey(), supervised.planId(), task == null ? null : task.planTitle(),
                task == null ? 0 : task.number(), null, task == null ? supervised.reason() : null,
                supervised.unitName(), step.due(), step.created(), group, null, supervised.caseId());
    }

    /** The reasons of the returned reports among the steps, by task and period; an empty reason for none written. */
    private Map<String, String> returnReasons(List<OpenStep> open) {
        List<String> writing = open.stream().filter(step -> step.kind() == StepKind.WRITE_REPORT)
                .map(OpenStep::taskId).distinct().toList();
        if (writing.isEmpty()) {
            return Map.of();
        }
        Map<String, String> reasons = new HashMap<>();
        queries.query(new FindReturnedReports(writing), ResponseTypes.multipleInstancesOf(ReturnedReport.class)).join()
                .forEach(report -> reasons.put(key(report.taskId(), report.periodKey()),
                        report.reason() == null ? "" : report.reason()));
        return reasons;
    }

    private static Group groupOf(OpenStep step, Map<String, String> returnReasons, LocalDate today,
                                 LocalDate dueSoonUntil) {
        return groupOf(step.due(), returnReason(step, returnReasons) != null, today, dueSoonUntil);
    }

    private static Group groupOf(Instant due, boolean returned, LocalDate today, LocalDate dueSoonUntil) {
        return Group.of(due == null ? null : LocalDate.ofInstant(due, WorkflowClock.ZONE), returned, today,
                dueSoonUntil);
    }

    /** Why the step's report was returned; empty when no reason was written, null when it was not returned. */
    private static String returnReason(OpenStep step, Map<String, String> returnReasons) {
        return step.kind() == StepKind.WRITE_REPORT ? returnReasons.get(key(step.taskId(), step.period())) : null;
    }

    private static String key(String taskId, String period) {
        return taskId + "/" + period;
    }

    static String firstWords(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.codePointCount(0, flat.length()) <= REASON_SHOWN) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, REASON_SHOWN)) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
