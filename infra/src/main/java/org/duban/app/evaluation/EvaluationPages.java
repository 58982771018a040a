package org.duban.app.evaluation;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.PageActions;
import org.duban.app.web.PageMessage;
import org.duban.process.WorkflowClock;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation pages: the rounds of a plan with the form that opens one; a round's page with its phases, the units'
 * self-assessments, the evaluators' progress and whatever the reader may do in the phase it is in; the evaluator's
 * scoring page; the published results with their charts. Each form does what {@link EvaluationWork} does for the API.
 */
@Controller
class EvaluationPages {
    /** The phases a round goes through, in order, as its page's timeline shows them. */
    static final List<RoundPhase> TIMELINE = List.of(RoundPhase.SELF_ASSESSMENT, RoundPhase.SCORING,
            RoundPhase.RECONCILIATION, RoundPhase.CALIBRATION, RoundPhase.PUBLICATION, RoundPhase.PUBLISHED,
            RoundPhase.CLOSED);

    private final EvaluationWork work;
    private final PageActions actions;
    private final QueryGateway queries;
    private final MessageSource messages;

    EvaluationPages(EvaluationWork work, PageActions actions, QueryGateway queries, MessageSource messages) {
        this.work = work;
        this.actions = actions;
        this.queries = queries;
        this.messages = messages;
    }

    /** A phase on the round's timeline: done, the current one, or still to come, with its last day if it has one. */
    public record PhaseStep(RoundPhase phase, String state, LocalDate due) {
    }

    @GetMapping("/evaluation/rounds")
    String list(@RequestParam(required = false) String plan, @AuthenticationPrincipal DubanUser user, Model model) {
        String planId = EvaluationWork.blankToNull(plan);
        List<PlanSummary> plans = queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class))
                .join();
        List<PlanSummary> supervised = plans.stream().filter(p -> WorkAccess.supervises(p.supervisingUnit(), user)
                && (user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN)).toList();
        model.addAttribute("rounds", work.list(planId, user));
        model.addAttribute("plans", user.role() == Role.EVALUATOR ? List.of() : plans);
        model.addAttribute("supervised", supervised);
        model.addAttribute("plan", planId);
        model.addAttribute("kinds", RoundKind.values());
        LocalDate today = WorkflowClock.today();
        model.addAttribute("today", today);
        model.addAttribute("suggested", new PhaseDeadlines(today.plusDays(10), today.plusDays(20), today.plusDays(25),
                today.plusDays(30)));
        return "evaluation/rounds";
    }

    /** The opening form: the whole plan, or chosen units; the supervisor and, if named, a third party score. */
    @PostMapping("/evaluation/rounds")
    String open(@RequestParam(required = false) String planId, @RequestParam(required = false) RoundKind kind,
                @RequestParam(required = false) String title,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate cutOff,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate selfAssessmentDue,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scoringDue,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationDue,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate publicationDue,
                @RequestParam(required = false) List<String> unitIds, @RequestParam(defaultValue = "false") boolean blind,
                @RequestParam(defaultValue = "false") boolean selfScores,
                @RequestParam(required = false) String thirdPartyUsername,
                @RequestParam(required = false) String thirdPartyName,
                @RequestParam(required = false) String thirdPartyOrganisation,
                @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        String[] opened = new String[1];
        String back = "/evaluation/rounds" + (planId == null || planId.isBlank() ? "" : "?plan=" + planId);
        String result = actions.run(back, flash, "evaluation.done.opened", () -> {
            List<Evaluator> evaluators = new ArrayList<>();
            if (selfScores) {
                evaluators.add(new Evaluator(user.getUsername(), user.displayName(), EvaluatorKind.SUPERVISOR_STAFF,
                        user.unit() == null ? user.displayName() : user.unit()));
            }
            if (EvaluationWork.blankToNull(thirdPartyUsername) != null) {
                evaluators.add(new Evaluator(thirdPartyUsername.strip(), thirdPartyName, EvaluatorKind.THIRD_PARTY,
                        thirdPartyOrganisation));
            }
            if (evaluators.isEmpty()) {
                throw new IllegalArgumentException(sentence("evaluation.open.noEvaluator"));
            }
            RoundScope scope = unitIds == null || unitIds.isEmpty() ? RoundScope.wholePlan()
                    : new RoundScope(List.of(), List.of(), List.of(), unitIds);
            PhaseDeadlines deadlines = new PhaseDeadlines(EvaluationWork.required(selfAssessmentDue, "selfAssessmentDue"),
                    EvaluationWork.required(scoringDue, "scoringDue"), EvaluationWork.required(calibrationDue, "calibrationDue"),
                    EvaluationWork.required(publicationDue, "publicationDue"));
            opened[0] = work.open(new EvaluationWork.Opening(planId, kind, title, cutOff, scope, null, deadlines, blind,
                    evaluators), user);
        });
        return opened[0] == null ? result : "redirect:/evaluation/rounds/" + opened[0];
    }

    @GetMapping("/evaluation/rounds/{roundId}")
    String page(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, Model model) {
        RoundDetail detail = work.read(roundId, user);
        EvaluationWork.Actions can = work.actions(detail, user);
        model.addAttribute("r", detail);
        model.addAttribute("s", detail.summary());
        model.addAttribute("can", can);
        model.addAttribute("timeline", timeline(detail.summary(), detail.divergentItems().isEmpty()));
        List<SheetRow> sheet = work.sheet(roundId, user);
        model.addAttribute("sheet", sheet);
        model.addAttribute("ownItems", can.ownUnitId() == null ? List.of() : detail.items().stream()
                .filter(item -> item.unit().unitId().equals(can.ownUnitId())).toList());
        model.addAttribute("divergent", sheet.stream().filter(row -> detail.divergentItems()
                .contains(row.item().itemId())).toList());
        model.addAttribute("isEvaluator", work.isEvaluator(detail, user));
        // a unit reads its own items and self-assessment; the evaluators' scores are published with the results
        model.addAttribute("showScores", user.role() != Role.UNIT_USER);
        return "evaluation/round";
    }

    /** The evaluator's page: each item with the criteria to score, their conflicts and the hand-in. */
    @GetMapping("/evaluation/rounds/{roundId}/scoring")
    String scoring(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, Model model) {
        RoundDetail detail = work.read(roundId, user);
        List<SheetRow> sheet = work.sheet(roundId, user);
        Map<String, SheetRow.EvaluatorScore> own = new LinkedHashMap<>();
        for (SheetRow row : sheet) {
            row.scores().stream().filter(score -> score.evaluator().equals(user.getUsername())).findFirst()
                    .ifPresent(score -> own.put(row.item().itemId(), score));
        }
        RoundDetail.EvaluatorState state = detail.evaluators().stream()
                .filter(e -> e.evaluator().username().equals(user.getUsername())).findFirst().orElse(null);
        model.addAttribute("r", detail);
        model.addAttribute("s", detail.summary());
        model.addAttribute("can", work.actions(detail, user));
        model.addAttribute("sheet", sheet);
        model.addAttribute("own", own);
        model.addAttribute("me", state);
        model.addAttribute("grades", Grade.values());
        return "evaluation/scoring";
    }

    @GetMapping("/evaluation/rounds/{roundId}/results")
    String results(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, Locale locale, Model model) {
        RoundResults results = work.results(roundId, user);
        Map<Grade, String> names = new EnumMap<>(Grade.class);
        Arrays.stream(Grade.values()).forEach(g -> names.put(g, messages.getMessage("evaluation.grade." + g, null,
                g.name(), locale)));
        Map<String, RoundItem> items = new LinkedHashMap<>();
        work.read(roundId, user).items().forEach(item -> items.put(item.itemId(), item));
        model.addAttribute("res", results);
        model.addAttribute("s", results.summary());
        model.addAttribute("items", items);
        model.addAttribute("gradeNames", names);
        model.addAttribute("gradeChart", EvaluationCharts.grades(results.itemGrades(), names));
        model.addAttribute("unitGradeChart", EvaluationCharts.grades(results.unitGrades(), names));
        model.addAttribute("rankingChart", EvaluationCharts.ranking(results.units(), names));
        model.addAttribute("comparisonChart", results.previousRoundId() == null ? null
                : EvaluationCharts.comparison(results.comparison(), messages.getMessage("evaluation.results.previousBar",
                new Object[]{results.previousRoundTitle()}, locale)));
        model.addAttribute("facts", results.facts().stream().collect(java.util.stream.Collectors.toMap(
                f -> f.itemId(), f -> f, (a, b) -> a, LinkedHashMap::new)));
        return "evaluation/results";
    }

    /** The unit's form: a score and a narrative for each of its items. */
    @PostMapping("/evaluation/rounds/{roundId}/self-assessment")
    String selfAssess(@PathVariable String roundId, @RequestParam Map<String, String> form,
                      @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.selfAssessed", () -> {
            RoundDetail detail = work.read(roundId, user);
            String unitId = WorkAccess.unitIdOf(user);
            List<SelfAssessmentEntry> entries = new ArrayList<>();
            for (RoundItem item : detail.items()) {
                if (item.unit().unitId().equals(unitId)) {
                    entries.add(new SelfAssessmentEntry(item.itemId(), number(form.get("score_" + item.itemId()),
                            item.label() + " " + sentence("evaluation.self.score")), form.get("narrative_" + item.itemId()), List.of()));
                }
            }
            work.submitSelfAssessment(roundId, unitId, entries, user);
        });
    }

    /** One item's score from the scoring page. */
    @PostMapping("/evaluation/rounds/{roundId}/scores")
    String score(@PathVariable String roundId, @RequestParam(required = false) String itemId,
                 @RequestParam Map<String, String> form, @AuthenticationPrincipal DubanUser user,
                 RedirectAttributes flash) {
        return actions.run(scoringPage(roundId) + "#item-" + itemId, flash, () -> {
            Map<String, BigDecimal> criteria = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.startsWith("criterion_")) {
                    String code = name.substring("criterion_".length());
                    criteria.put(code, number(value, sentence("evaluation.criterion." + code)));
                }
            });
            String grade = EvaluationWork.blankToNull(form.get("grade"));
            Grade given = grade == null ? null : Arrays.stream(Grade.values()).filter(g -> g.name().equals(grade))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("grade: " + grade + " is not a grade"));
            work.score(roundId, new ItemScore(EvaluationWork.required(EvaluationWork.blankToNull(itemId), "itemId"),
                    criteria, given, form.get("comment")), user);
            return new PageMessage("evaluation.done.scored");
        });
    }

    @PostMapping("/evaluation/rounds/{roundId}/conflicts")
    String conflict(@PathVariable String roundId, @RequestParam(required = false) List<String> itemIds,
                    @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                    RedirectAttributes flash) {
        return actions.run(scoringPage(roundId), flash, "evaluation.done.conflictDeclared",
                () -> work.declareConflict(roundId, itemIds == null ? List.of() : itemIds, reason, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/scoring/complete")
    String handIn(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.handedIn", () -> work.completeScoring(roundId, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/self-assessment/close")
    String closeSelfAssessment(@PathVariable String roundId, @RequestParam(required = false) String reason,
                               @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.selfAssessmentClosed",
                () -> work.closeSelfAssessment(roundId, reason, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/scoring/close")
    String closeScoring(@PathVariable String roundId, @RequestParam(required = false) String reason,
                        @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.scoringClosed",
                () -> work.closeScoring(roundId, reason, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/reconciliations")
    String reconcile(@PathVariable String roundId, @RequestParam(required = false) String itemId,
                     @RequestParam(required = false) String score, @RequestParam(required = false) String reason,
                     @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.reconciled",
                () -> work.reconcile(roundId, itemId, number(score, sentence("evaluation.reconcile.score")), reason, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/reconciliation/complete")
    String completeReconciliation(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user,
                                  RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.reconciliationCompleted",
                () -> work.completeReconciliation(roundId, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/calibrations")
    String calibrate(@PathVariable String roundId, @RequestParam(required = false) String itemId,
                     @RequestParam(required = false) String after, @RequestParam(required = false) String reason,
                     @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.calibrated",
                () -> work.calibrate(roundId, itemId, number(after, sentence("evaluation.calibrate.after")), reason, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/calibration/finish")
    String finishCalibration(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user,
                             RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.calibrationFinished",
                () -> work.finishCalibration(roundId, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/publish")
    String publish(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        String result = actions.run(page(roundId), flash, "evaluation.done.published", () -> work.publish(roundId, user));
        return flash.getFlashAttributes().containsKey(PageActions.PROBLEM) ? result
                : "redirect:/evaluation/rounds/" + roundId + "/results";
    }

    @PostMapping("/evaluation/rounds/{roundId}/close")
    String close(@PathVariable String roundId, @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.closed", () -> work.close(roundId, user));
    }

    @PostMapping("/evaluation/rounds/{roundId}/cancel")
    String cancel(@PathVariable String roundId, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(roundId), flash, "evaluation.done.cancelled", () -> work.cancel(roundId, reason, user));
    }

    /**
     * The phases up to the current one are done (reconciliation skipped when no item was divergent); a cancelled round
     * shows none as current.
     */
    static List<PhaseStep> timeline(RoundSummary summary, boolean nothingToReconcile) {
        RoundPhase phase = summary.phase();
        int current = TIMELINE.indexOf(phase);
        PhaseDeadlines due = summary.deadlines();
        List<PhaseStep> steps = new ArrayList<>();
        for (int i = 0; i < TIMELINE.size(); i++) {
            RoundPhase step = TIMELINE.get(i);
            String state = phase == RoundPhase.CANCELLED ? "cancelled" : i < current || phase == RoundPhase.CLOSED
                    ? "done" : i == current ? "current" : "todo";
            if (step == RoundPhase.RECONCILIATION && "done".equals(state) && nothingToReconcile) {
                state = "skipped";
            }
            LocalDate day = due == null ? null : switch (step) {
                case SELF_ASSESSMENT -> due.selfAssessmentDue();
                case SCORING -> due.scoringDue();
                case RECONCILIATION, CALIBRATION -> due.calibrationDue();
                case PUBLICATION -> due.publicationDue();
                default -> null;
            };
            steps.add(new PhaseStep(step, state, day));
        }
        return steps;
    }

    private String sentence(String key) {
        return actions.sentence(new PageMessage(key));
    }

    /** A number a form sent, or a sentence naming the field it came from. */
    private BigDecimal number(String value, String field) {
        String given = EvaluationWork.blankToNull(value);
        if (given == null) {
            throw new IllegalArgumentException(actions.sentence(new PageMessage("evaluation.input.required", field)));
        }
        try {
            return new BigDecimal(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(actions.sentence(new PageMessage("evaluation.input.notANumber", field,
                    given)));
        }
    }

    private static String page(String roundId) {
        return "/evaluation/rounds/" + roundId;
    }

    private static String scoringPage(String roundId) {
        return "/evaluation/rounds/" + roundId + "/scoring";
    }
}
