package org.duban.app.benchmark;

import org.duban.app.support.Clients;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What supervisors and units open most, read one after another as one person would: the inbox (the whole over the
 * API, its first window of 50, and the page), the plan tree, a task's page and a plan's dashboard. Each is read as many
 * times as it is sampled first, so that the samples measure the read and not the JIT compiling its path.
 */
final class Reads {
    private final Map<String, Loads.Work> reads = new LinkedHashMap<>();

    Reads(String base, Clients clients, String unitUser, String planId, String taskId) throws Exception {
        PageSession unit = new PageSession(base, unitUser);
        PageSession supervisor = new PageSession(base, Province.SUPERVISOR);
        reads.put("inbox (GET /api/inbox, " + unitUser + ")", () -> {
            Province.ok(clients.send(unitUser, "GET", "/api/inbox", null, null), "inbox");
            return true;
        });
        reads.put("inbox window (GET /api/inbox?limit=50, " + unitUser + ")", () -> {
            Province.ok(clients.send(unitUser, "GET", "/api/inbox?limit=50", null, null), "inbox window");
            return true;
        });
        reads.put("inbox page (/inbox)", () -> unit.get("/inbox") != null);
        reads.put("plan tree (GET /api/plans/{id}/tree)", () -> {
            Province.ok(clients.send(Province.SUPERVISOR, "GET", "/api/plans/" + planId + "/tree", null, null), "tree");
            return true;
        });
        reads.put("task page (/tasks/{id})", () -> unit.get("/tasks/" + taskId) != null);
        reads.put("dashboard page (/plans/{id}/dashboard)", () -> supervisor.get("/plans/" + planId + "/dashboard") != null);
    }

    /** p95 of each read, in milliseconds, in the order above. */
    Map<String, Latencies> measure(int samples) throws Exception {
        Map<String, Latencies> measured = new LinkedHashMap<>();
        for (Map.Entry<String, Loads.Work> read : reads.entrySet()) {
            // as many reads before the samples as samples: three used to be all, and the first size's figures then
            // measured the JIT compiling each read's path, not the read (docs/BENCHMARKS.md)
            for (int i = 0; i < samples; i++) {
                read.getValue().run();
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                read.getValue().run();
                latencies.record(System.nanoTime() - start);
            }
            measured.put(read.getKey(), latencies);
        }
        return measured;
    }
}
