package org.duban.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.app.reliability.StoredEvents.Event;
import org.duban.app.reliability.Workload.Action;
import org.duban.app.reliability.Workload.Job;
import org.duban.app.reliability.Workload.Kind;
import org.duban.app.reliability.Workload.Outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What survived: every confirmed write against the stored events (lost, duplicated), and for every report worked
 * on, the events against the task view and Camunda's waiting steps (inconsistent); {@link CrashRun} adds the rows
 * where the inboxes' ledger, through which the steps are read, differs from the engine's tables.
 */
final class Verdict {
    private static final Map<Kind, String> EVENT_OF = Map.of(Kind.CONTRIBUTE, "ContributionSubmitted",
            Kind.DRAFT, "ReportDrafted", Kind.SUBMIT, "ReportSubmitted", Kind.RETURN, "ReportReturned",
            Kind.ACCEPT, "ReportAccepted");

    int confirmed;
    int lost;
    int duplicated;
    int inconsistent;
    int unanswered;
    int unansweredApplied;
    int refused;
    int serverErrors;
    int refusedButStored;
    final Map<Kind, Integer> confirmedByKind = new EnumMap<>(Kind.class);
    final List<String> problems = new ArrayList<>();

    /**
     * @param views     the task views (GET /api/tasks/{id}) by task id, read after the last restart
     * @param openSteps Camunda's waiting steps from the inboxes, as {@code step|taskId|period|user}
     */
    static Verdict of(Workload workload, List<Event> events, Map<String, JsonNode> views, Set<String> openSteps) {
        Verdict verdict = new Verdict();
        Map<String, List<Event>> byToken = new HashMap<>();
        Map<String, Integer> acknowledgements = new HashMap<>();
        Map<String, List<Event>> byReport = new HashMap<>();
        for (Event event : events) {
            event.tokens().forEach(token -> byToken.computeIfAbsent(token, t -> new ArrayList<>()).add(event));
            if (event.type().equals("TaskAcknowledged")) {
                acknowledgements.merge(event.taskId(), 1, Integer::sum);
            } else if (event.period() != null) {
                byReport.computeIfAbsent(event.taskId() + "/" + event.period(), k -> new ArrayList<>()).add(event);
            }
        }
        for (Action action : workload.ledger) {
            List<Event> found = action.kind() == Kind.ACKNOWLEDGE ? List.of()
                    : byToken.getOrDefault(action.token(), List.of()).stream()
                    .filter(e -> e.type().equals(EVENT_OF.get(action.kind())) && e.taskId().equals(action.taskId())
                            && e.period().equals(action.period())).toList();
            boolean stored = action.kind() == Kind.ACKNOWLEDGE ? acknowledgements.containsKey(action.taskId()) : !found.isEmpty();
            switch (action.outcome()) {
                case CONFIRMED -> {
                    verdict.confirmed++;
                    verdict.confirmedByKind.merge(action.kind(), 1, Integer::sum);
                    if (!stored) {
                        verdict.lost++;
                        verdict.problem("lost: " + action);
                    }
                }
                case UNANSWERED -> {
                    verdict.unanswered++;
                    verdict.unansweredApplied += stored ? 1 : 0;
                }
                case REFUSED, SERVER_ERROR -> {
                    if (action.outcome() == Outcome.REFUSED) {
                        verdict.refused++;
                    } else {
                        verdict.serverErrors++;
                    }
                    if (stored) {
                        verdict.refusedButStored++;
                        verdict.problem("answered " + action.status() + " but stored: " + action);
                    }
                }
            }
        }
        byToken.forEach((token, found) -> {
            if (found.size() > 1) {
                verdict.duplicated += found.size() - 1;
                verdict.problem("duplicated: " + token + " stored " + found.size() + " times: " + found);
            }
        });
        acknowledgements.forEach((taskId, count) -> {
            if (count > 1) {
                verdict.duplicated += count - 1;
                verdict.problem("duplicated: task " + taskId + " acknowledged " + count + " times");
            }
        });
        for (Job job : workload.jobs) {
            List<String> disagreements = compare(job, byReport.getOrDefault(job.taskId + "/" + job.period, List.of()),
                    views.get(job.taskId), openSteps);
            if (!disagreements.isEmpty()) {
                verdict.inconsistent++;
                verdict.problem("inconsistent: report " + job.taskId + "/" + job.period + ": " + String.join("; ", disagreements));
            }
        }
        return verdict;
    }

    /** The report as its events tell it, against the view and the waiting steps. */
    static List<String> compare(Job job, List<Event> events, JsonNode detail, Set<String> openSteps) {
        List<String> out = new ArrayList<>();
        String status = "OPEN";
        int round = 0;
        String draft = null;
        Map<Integer, String> submitted = new TreeMap<>();
        Map<Integer, String[]> decided = new HashMap<>();
        Set<String> contributions = new HashSet<>();
        for (Event event : events) {
            switch (event.type()) {
                case "ReportDrafted" -> {
                    draft = event.text();
                    status = status.equals("OPEN") ? "DRAFTED" : status;
                }
                case "ReportSubmitted" -> {
                    if (submitted.put(event.round(), event.text()) != null) {
                        out.add("round " + event.round() + " submitted twice");
                    }
                    status = "SUBMITTED";
                    round = Math.max(round, event.round());
                    draft = null;
                }
                case "ReportReturned", "ReportAccepted" -> {
                    String outcome = event.type().equals("ReportReturned") ? "RETURNED" : "ACCEPTED";
                    if (decided.put(event.round(), new String[]{outcome, event.text()}) != null) {
                        out.add("round " + event.round() + " decided twice");
                    }
                    status = outcome;
                    round = Math.max(round, event.round());
                }
                case "ContributionSubmitted" -> {
                    if (!contributions.add(event.text())) {
                        out.add("contribution stored twice");
                    }
                }
                default -> {
                    // opened, reminded, overdue, escalated: not written by the clients
                }
            }
        }
        JsonNode report = detail == null ? null : Workload.reportOf(detail, job.period);
        if (report == null) {
            out.add("the task view has no report for the period");
            return out;
        }
        check(out, "status", status, report.path("status").asText());
        check(out, "round", round, report.path("round").asInt());
        check(out, "draft", draft, report.path("draft").isObject() ? report.path("draft").path("narrative").asText() : null);
        Map<Integer, JsonNode> rounds = new HashMap<>();
        report.path("rounds").forEach(r -> rounds.put(r.path("round").asInt(), r));
        check(out, "rounds", submitted.keySet(), new TreeMap<>(rounds).keySet());
        submitted.forEach((r, narrative) -> {
            JsonNode shown = rounds.get(r);
            if (shown != null) {
                check(out, "round " + r + " narrative", narrative, shown.path("content").path("narrative").asText(null));
                String[] decision = decided.getOrDefault(r, new String[]{null, null});
                check(out, "round " + r + " outcome", decision[0], shown.path("outcome").asText(null));
                check(out, "round " + r + " reason", decision[1], shown.path("reason").asText(null));
            }
        });
        Set<String> shownContributions = new HashSet<>();
        report.path("contributions").forEach(c -> shownContributions.add(c.path("text").asText()));
        check(out, "contributions", contributions, shownContributions);
        if (job.lead != null) {
            boolean withUnit = Set.of("OPEN", "DRAFTED", "RETURNED").contains(status);
            check(out, "writeReport step waiting", withUnit,
                    openSteps.contains("writeReport|" + job.taskId + "|" + job.period + "|" + job.lead));
            check(out, "reviewReport step waiting", status.equals("SUBMITTED"),
                    openSteps.contains("reviewReport|" + job.taskId + "|" + job.period + "|" + Workload.SUPERVISOR));
        }
        for (String contributor : job.contributors) {
            boolean contributed = contributions.stream().anyMatch(text -> text != null && text.contains("-" + contributor + "#"));
            check(out, "contribute step of " + contributor + " waiting", !contributed,
                    openSteps.contains("contribute|" + job.taskId + "|" + job.period + "|" + contributor));
        }
        return out;
    }

    private static void check(List<String> out, String what, Object fromEvents, Object shown) {
        if (!Objects.equals(fromEvents, shown)) {
            out.add(what + ": events say " + fromEvents + ", shown " + shown);
        }
    }

    void problem(String text) {
        if (problems.size() < 30) {
            problems.add(text);
        }
    }
}
