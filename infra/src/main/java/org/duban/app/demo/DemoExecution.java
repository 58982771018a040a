package org.duban.app.demo;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskView;
import org.duban.app.persistence.PlanLock;
import org.duban.app.reporting.PlanReporting;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.task.TaskWork;
import org.duban.process.WorkflowClock;
import org.duban.process.plan.PlanPublication;
import org.duban.process.reporting.ProgressReporting;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Puts the demo plan into execution as its people would, through the services the pages and the API call, each act
 * done as the demo account whose work it is: the supervisor (区政府督查室) publishes the plan, sets a quarterly cadence
 * and opens the periods {@link DemoPeriods} chooses; 区卫生健康委 and 区市场监管局 acknowledge some of their tasks and
 * leave the rest waiting, confirm some parts, contribute, write and submit; the supervisor returns one report, accepts
 * others and reminds. The reports of the oldest period left with the units are past their overdue date: the ordinary
 * timers mark them overdue and escalate them once the job executor runs, seconds after start-up.
 * <p>
 * Runs inside the caller's transaction and acts on nothing but the plan it is given.
 */
@Component
class DemoExecution {
    static final String SUPERVISOR = "supervisor";
    static final String HEALTH = "health";
    static final String MARKET = "market";
    private static final int HEALTH_ACKNOWLEDGES = 6;
    private static final int MARKET_ACKNOWLEDGES = 3;

    private final DemoActors actors;
    private final PlanPublication publication;
    private final PlanReporting planReporting;
    private final ProgressReporting progress;
    private final TaskWork work;
    private final PlanLock lock;
    private final QueryGateway queries;

    DemoExecution(DemoActors actors, PlanPublication publication, PlanReporting planReporting,
                  ProgressReporting progress, TaskWork work, PlanLock lock, QueryGateway queries) {
        this.actors = actors;
        this.publication = publication;
        this.planReporting = planReporting;
        this.progress = progress;
        this.work = work;
        this.lock = lock;
        this.queries = queries;
    }

    /**
     * @param periods      the periods opened, oldest first
     * @param acknowledged tasks acknowledged; the others of the plan still wait for it
     */
    record Outcome(List<String> periods, int acknowledged, int tasks) {
    }

    /** Empty when this deployment lacks a demo account: the plan then stays a draft. */
    Optional<Outcome> run(String planId) {
        Optional<DubanUser> supervisor = actors.account(SUPERVISOR);
        Optional<DubanUser> health = actors.account(HEALTH);
        Optional<DubanUser> market = actors.account(MARKET);
        if (supervisor.isEmpty() || health.isEmpty() || market.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(run(planId, supervisor.get(), health.get(), market.get()));
    }

    private Outcome run(String planId, DubanUser supervisor, DubanUser health, DubanUser market) {
        actors.as(supervisor, user -> {
            lock.hold(planId);
            return publication.request(planId, MDC.get(MetadataKeys.CORRELATION_ID));
        });
        actors.as(supervisor, user -> {
            lock.hold(planId);
            return publication.approve(planId);
        });
        ReportingCadenceSet cadence = actors.as(supervisor, user -> planReporting.setCadence(planId,
                Cadence.QUARTERLY, null, null, user));

        PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class))
                .join().orElseThrow(() -> new IllegalStateException("demo plan " + planId + " has no tree"));
        List<TaskView> tasks = tree.allTasks();
        List<TaskView> healthLeads = tasks.stream().filter(ledBy(health)).toList();
        List<TaskView> marketLeads = tasks.stream().filter(ledBy(market)).toList();
        // the first few, and one with the market as co-unit, so that the market contributes to a report of health's
        List<TaskView> healthTasks = new ArrayList<>(healthLeads.subList(0,
                Math.min(HEALTH_ACKNOWLEDGES - 1, healthLeads.size())));
        healthLeads.stream().skip(healthTasks.size()).filter(coUnit(market)).findFirst().ifPresent(healthTasks::add);
        List<TaskView> marketTasks = marketLeads.subList(0, Math.min(MARKET_ACKNOWLEDGES, marketLeads.size()));

        // acknowledged (签收): the first few; the rest stay in the units' inboxes
        healthTasks.forEach(task -> actors.act(health, user -> work.acknowledge(task.taskId(), user)));
        marketTasks.forEach(task -> actors.act(market, user -> work.acknowledge(task.taskId(), user)));
        if (marketLeads.size() > marketTasks.size()) {
            TaskView asked = marketLeads.get(marketTasks.size());
            actors.as(market, user -> work.requestAdjustment(asked.taskId(), AdjustmentKind.DUE_DATE,
                    LocalDate.of(tree.plan().endYear(), 6, 30).toString(),
                    "该项工作涉及跨部门联合执法，需与市级部门统筹安排，申请延后完成时限。", user));
        }
        // co-units confirm they know their part (知悉): some of them
        tasks.stream().filter(coUnit(health)).limit(2).forEach(task -> actors.act(health,
                user -> work.confirmPart(task.taskId(), user)));
        tasks.stream().filter(coUnit(market)).limit(1).forEach(task -> actors.act(market,
                user -> work.confirmPart(task.taskId(), user)));

        List<ReportingPeriod> periods = DemoPeriods.choose(cadence.cadence(), WorkflowClock.today(),
                tree.plan().startYear(), tree.plan().endYear(), period -> progress.overdueOn(
                        progress.dueOn(period, cadence.dueDay()), cadence.graceWorkingDays()));
        periods.forEach(period -> actors.as(supervisor, user -> planReporting.openPeriod(planId, period.key(), user)));
        if (periods.size() >= 2 && !healthTasks.isEmpty()) {
            report(periods.get(0).key(), periods.get(periods.size() - 1).key(), supervisor, health, market,
                    healthTasks, marketTasks);
        }
        return new Outcome(periods.stream().map(ReportingPeriod::key).toList(),
                healthTasks.size() + marketTasks.size(), tasks.size());
    }

    /**
     * The oldest period: a co-unit's contribution, one report accepted, one returned, the others left to go overdue;
     * the current period: one report waiting for review, one draft, a contribution and a reminder.
     */
    private void report(String oldest, String current, DubanUser supervisor, DubanUser health, DubanUser market,
                        List<TaskView> healthTasks, List<TaskView> marketTasks) {
        // contributions first: accepting a report ends its period's steps, the co-units' included
        healthTasks.stream().filter(coUnit(market)).findFirst().ifPresent(task -> actors.act(market,
                user -> work.contribute(task.taskId(), oldest, "我局已配合开展相关经营场所检查，未发现违规问题。",
                        List.of(), user)));
        TaskView accepted = healthTasks.get(0);
        actors.act(health, user -> work.submit(accepted.taskId(), oldest, content(
                "已完成本季度既定工作，相关项目按计划推进，资金已按进度拨付。", 40), user));
        actors.act(supervisor, user -> work.review(accepted.taskId(), oldest, true, "情况属实，进展符合预期。", user));
        if (healthTasks.size() > 1) {
            TaskView returned = healthTasks.get(1);
            actors.act(health, user -> work.submit(returned.taskId(), oldest, content("本季度工作正在推进。", 20), user));
            actors.act(supervisor, user -> work.review(returned.taskId(), oldest, false,
                    "进展描述过于简略，请补充具体完成事项、量化数据和佐证材料后重新报送。", user));
        }
        if (!marketTasks.isEmpty()) {
            TaskView marketTask = marketTasks.get(0);
            actors.act(market, user -> work.submit(marketTask.taskId(), oldest, content(
                    "已开展中药材市场专项检查，覆盖经营主体 36 家，未发现重大问题。", 50), user));
            actors.act(supervisor, user -> work.review(marketTask.taskId(), oldest, true, "同意。", user));
            if (coUnit(health).test(marketTask)) {
                actors.act(health, user -> work.contribute(marketTask.taskId(), current,
                        "我委已配合完成辖区医疗机构中药饮片使用情况摸底，相关数据已报送牵头单位。", List.of(), user));
            }
        }

        actors.act(health, user -> work.submit(accepted.taskId(), current, content(
                "本季度完成年度目标的主要工作，项目进入收尾阶段。", 70), user));
        if (healthTasks.size() > 2) {
            TaskView drafted = healthTasks.get(2);
            actors.act(health, user -> work.draft(drafted.taskId(), current, content(
                    "草稿：已完成前期调研，正在起草工作方案。", 10), user));
        }
        if (healthTasks.size() > 3) {
            TaskView reminded = healthTasks.get(3);
            actors.act(supervisor, user -> work.remind(reminded.taskId(), current,
                    "请于报送截止日前按时报送本季度进展。", user));
        }
    }

    private static ReportContent content(String narrative, int percent) {
        return new ReportContent(narrative, CompletionStatus.IN_PROGRESS, percent, List.of(),
                "部分工作需多部门协调，推进节奏受影响。", "下季度继续按计划推进，加强部门协同。", List.of());
    }

    private static Predicate<TaskView> ledBy(DubanUser user) {
        String unitId = WorkAccess.unitIdOf(user);
        return task -> task.leadUnit().unitId().equals(unitId);
    }

    private static Predicate<TaskView> coUnit(DubanUser user) {
        String unitId = WorkAccess.unitIdOf(user);
        return task -> task.coUnits().stream().anyMatch(unit -> unit.unitId().equals(unitId));
    }
}
