package org.duban.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The clients: demo accounts working through reports over the JSON API, every write recorded in a ledger with
 * the answer it got. Each job is one task's report for one period, worked by one client at a time (contribute,
 * draft, submit, return, draft, submit, accept), so that concurrency comes from many reports at once and every
 * confirmed answer names exactly one write. Every text written carries a unique token, {@code #crash-<n>-<user>#},
 * by which the checks find the write in the event store.
 */
final class Workload {
    static final String DAZU = "大足府办发〔2024〕113号";
    static final List<String> UNIT_USERS = List.of("health", "market");
    static final String SUPERVISOR = "supervisor";

    enum Kind { ACKNOWLEDGE, CONTRIBUTE, DRAFT, SUBMIT, RETURN, ACCEPT }

    enum Outcome { CONFIRMED, UNANSWERED, REFUSED, SERVER_ERROR }

    /** One write sent: what, by whom, on which report, with which token, and what came back. */
    record Action(Kind kind, String user, String taskId, String period, String token, Outcome outcome, int status,
                  int generation, String answer) {
    }

    /** One task's report for one period; {@code lead} is null where the lead unit has no demo account. */
    static final class Job {
        final String taskId;
        final String period;
        String lead;
        final Set<String> contributors = new LinkedHashSet<>();

        Job(String taskId, String period) {
            this.taskId = taskId;
            this.period = period;
        }
    }

    private record Step(Kind kind, String user, String method, String path, Object body) {
    }

    private static final class Finished extends Exception {
        Finished() {
            super(null, null, false, false);
        }
    }

    private final int clients;
    final List<Job> jobs = new ArrayList<>();
    final ConcurrentLinkedQueue<Action> ledger = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong tokens = new AtomicLong();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger jobsDone = new AtomicInteger();
    final AtomicInteger jobsAbandoned = new AtomicInteger();
    String planId;
    final List<String> periods = new ArrayList<>();

    private final Object gate = new Object();
    private boolean open;
    private boolean finished;
    private Http http;
    private int generation;
    private ExecutorService workers;
    private final List<Future<?>> running = new ArrayList<>();

    Workload(int clients) {
        this.clients = clients;
    }

    // ---- set-up: publish the Dazu plan, acknowledge its tasks, set a cadence, open periods, collect the jobs ----

    void setUp(Http http, int months) throws Exception {
        JsonNode plan = null;
        for (JsonNode candidate : require(http.get(SUPERVISOR, "/api/plans"), "list plans").body()) {
            if (DAZU.equals(candidate.path("documentNumber").asText())) {
                plan = candidate;
            }
        }
        if (plan == null) {
            throw new IllegalStateException("the demo plan " + DAZU + " is not there; is duban.demo.enabled true?");
        }
        planId = plan.path("planId").asText();
        if ("DRAFT".equals(plan.path("status").asText())) {
            require(http.post(SUPERVISOR, "/api/plans/" + planId + "/publication-request", null), "request publication");
            require(http.post(SUPERVISOR, "/api/plans/" + planId + "/publication-approval", null), "approve publication");
        }
        Map<String, List<String>> acknowledgements = new LinkedHashMap<>();
        await("acknowledgement steps after publication").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    acknowledgements.clear();
                    for (String user : UNIT_USERS) {
                        acknowledgements.put(user, inbox(http, user, "acknowledgeTask").stream()
                                .map(item -> item.path("taskId").asText()).toList());
                    }
                    return acknowledgements.values().stream().mapToInt(List::size).sum() > 0;
                });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> acks = new ArrayList<>();
            acknowledgements.forEach((user, taskIds) -> taskIds.forEach(taskId -> acks.add(pool.submit(() -> {
                Http.Answer answer = http.post(user, "/api/tasks/" + taskId + "/acknowledgement", null);
                ledger.add(new Action(Kind.ACKNOWLEDGE, user, taskId, null, null,
                        answer.ok() ? Outcome.CONFIRMED : Outcome.REFUSED, answer.status(), 0, brief(answer)));
                return null;
            }))));
            for (Future<?> ack : acks) {
                ack.get();
            }
        } finally {
            pool.shutdown();
        }
        require(http.put(SUPERVISOR, "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "MONTHLY", "dueDay", 10, "graceWorkingDays", 3)), "set the cadence");
        periods.addAll(org.duban.app.support.MonthlyPeriods.months(plan.path("startYear").asInt(), plan.path("endYear").asInt(), months));
        for (String period : periods) {
            require(http.post(SUPERVISOR, "/api/plans/" + planId + "/reporting-periods", Map.of("period", period)),
                    "open period " + period);
        }
        Map<String, Job> byReport = new LinkedHashMap<>();
        for (String user : UNIT_USERS) {
            for (JsonNode item : inbox(http, user, null)) {
                String step = item.path("step").asText();
                if (!step.equals("writeReport") && !step.equals("contribute") || !periods.contains(item.path("period").asText())) {
                    continue;
                }
                Job job = byReport.computeIfAbsent(item.path("taskId").asText() + "/" + item.path("period").asText(),
                        key -> new Job(item.path("taskId").asText(), item.path("period").asText()));
                if (step.equals("writeReport")) {
                    job.lead = user;
                } else {
                    job.contributors.add(user);
                }
            }
        }
        jobs.addAll(byReport.values());
        List<Job> shuffled = new ArrayList<>(jobs);
        Collections.shuffle(shuffled, new Random(9));
        queue.addAll(shuffled);
    }

    /**
     * Months of the plan's cadence from the current month on (so that no reminder or overdue timer fires during
     * the run), moved back where the plan ends too soon.
     */

    static List<JsonNode> inbox(Http http, String user, String step) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : require(http.get(user, "/api/inbox"), "inbox of " + user).body()) {
            if (step == null || step.equals(item.path("step").asText())) {
                items.add(item);
            }
        }
        return items;
    }

    private static Http.Answer require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    // ---- the clients ----

    void startClients() {
        workers = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            running.add(workers.submit(this::client));
        }
    }

    /** Lets the clients work against a freshly started application. */
    void open(Http current) {
        synchronized (gate) {
            http = current;
            generation++;
            open = true;
            gate.notifyAll();
        }
    }

    /** Holds the clients back before a kill; requests already sent stay in flight. */
    void close() {
        synchronized (gate) {
            open = false;
        }
    }

    /** Ends the clients: each stops before its next request. */
    void finish() throws Exception {
        synchronized (gate) {
            finished = true;
            gate.notifyAll();
        }
        for (Future<?> client : running) {
            client.get();
        }
        workers.shutdown();
    }

    boolean allJobsDone() {
        return jobsDone.get() + jobsAbandoned.get() == jobs.size();
    }

    /** Waits while the clients work, at most {@code window}; answers whether every job is through. */
    boolean awaitAllJobsDone(Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        synchronized (gate) {
            for (long left = window.toMillis(); !allJobsDone() && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                gate.wait(left);
            }
        }
        return allJobsDone();
    }

    private void ended(AtomicInteger counter) {
        synchronized (gate) {
            counter.incrementAndGet();
            gate.notifyAll();
        }
    }

    private void client() {
        try {
            for (Job job = queue.poll(); job != null; job = queue.poll()) {
                work(job);
            }
        } catch (Finished finishedWhileWorking) {
            // the run is over; the job stays unfinished
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(Job job) throws Finished, InterruptedException {
        JsonNode report = null;
        int refusals = 0;
        while (true) {
            Http current;
            int seen;
            synchronized (gate) {
                while (!open && !finished) {
                    gate.wait();
                }
                if (finished) {
                    throw new Finished();
                }
                current = http;
                seen = generation;
            }
            try {
                if (report == null) {
                    report = reportOf(current.get(job.lead == null ? SUPERVISOR : job.lead, "/api/tasks/" + job.taskId), job);
                    if (report == null) {
                        ended(jobsAbandoned);
                        return;
                    }
                }
                Step step = next(job, report);
                if (step == null) {
                    ended(jobsDone);
                    return;
                }
                String token = "#crash-" + tokens.incrementAndGet() + "-" + step.user() + "#";
                Http.Answer answer;
                inFlight.incrementAndGet();
                try {
                    answer = send(current, step, token);
                } catch (IOException noAnswer) {
                    ledger.add(new Action(step.kind(), step.user(), job.taskId, job.period, token, Outcome.UNANSWERED, 0,
                            seen, noAnswer.toString()));
                    throw noAnswer;
                } finally {
                    inFlight.decrementAndGet();
                }
                Outcome outcome = answer.ok() ? Outcome.CONFIRMED
                        : answer.status() >= 500 ? Outcome.SERVER_ERROR : Outcome.REFUSED;
                ledger.add(new Action(step.kind(), step.user(), job.taskId, job.period, token, outcome, answer.status(),
                        seen, brief(answer)));
                if (answer.ok()) {
                    report = reportOf(answer, job);
                    refusals = 0;
                } else {
                    report = null;
                    if (++refusals > 20) {
                        ended(jobsAbandoned);
                        return;
                    }
                }
            } catch (IOException serverGone) {
                report = null;
                synchronized (gate) {
                    // the server is going down: wait for the next start rather than hammer a dead port
                    long until = System.nanoTime() + 1_000_000_000L;
                    while (open && generation == seen && !finished && System.nanoTime() < until) {
                        gate.wait(100);
                    }
                }
            }
        }
    }

    /** The next write of a job, from the report as the last answer showed it; null when the report is through. */
    private static Step next(Job job, JsonNode report) {
        String tasks = "/api/tasks/" + job.taskId + "/reports/" + job.period;
        for (String contributor : job.contributors) {
            boolean done = false;
            for (JsonNode contribution : report.path("contributions")) {
                done |= contribution.path("text").asText().contains("-" + contributor + "#");
            }
            if (!done) {
                return new Step(Kind.CONTRIBUTE, contributor, "POST", tasks + "/contributions", null);
            }
        }
        if (job.lead == null) {
            return null;
        }
        return switch (report.path("status").asText()) {
            case "ACCEPTED" -> null;
            case "SUBMITTED" -> report.path("round").asInt() <= 1
                    ? new Step(Kind.RETURN, SUPERVISOR, "POST", tasks + "/review", null)
                    : new Step(Kind.ACCEPT, SUPERVISOR, "POST", tasks + "/review", null);
            default -> report.path("draft").isObject()
                    ? new Step(Kind.SUBMIT, job.lead, "POST", tasks + "/submission", null)
                    : new Step(Kind.DRAFT, job.lead, "PUT", tasks + "/draft", null);
        };
    }

    private static Http.Answer send(Http http, Step step, String token) throws IOException, InterruptedException {
        return switch (step.kind()) {
            case CONTRIBUTE -> http.post(step.user(), step.path(), Map.of("text", "配合单位报送情况 " + token,
                    "evidence", List.of()));
            case DRAFT -> http.put(step.user(), step.path(), content("草稿：推进中 " + token, 40));
            case SUBMIT -> http.post(step.user(), step.path(), content("本期完成主体工作 " + token, 60));
            case RETURN -> http.post(step.user(), step.path(), Map.of("accepted", false, "reason", "缺少佐证 " + token));
            case ACCEPT -> http.post(step.user(), step.path(), Map.of("accepted", true, "reason", "同意 " + token));
            case ACKNOWLEDGE -> throw new IllegalArgumentException("acknowledgements are set-up");
        };
    }

    private static Map<String, Object> content(String narrative, int percent) {
        return Map.of("narrative", narrative, "status", "IN_PROGRESS", "percent", percent,
                "nextSteps", "继续推进", "evidence", List.of());
    }

    private static JsonNode reportOf(Http.Answer detail, Job job) {
        if (!detail.ok() || detail.body() == null) {
            return null;
        }
        return reportOf(detail.body(), job.period);
    }

    static JsonNode reportOf(JsonNode detail, String period) {
        for (JsonNode report : detail.path("reports")) {
            if (period.equals(report.path("periodKey").asText())) {
                return report;
            }
        }
        return null;
    }

    private static String brief(Http.Answer answer) {
        return answer.ok() ? null : answer.text().length() > 300 ? answer.text().substring(0, 300) : answer.text();
    }
}
