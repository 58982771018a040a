package org.duban.process.benchmark;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's engine baseline: Camunda 7 as it ships (its own schema, default full history, no Axon, no Duban),
 * on a database of its own on the same server, completing a process of one user task. Like Duban's submission it
 * finds the waiting task by the process's business key and completes it. Lives under {@code org.duban.process}
 * because that is where engine types belong.
 */
public final class BareEngine implements AutoCloseable {
    private final ProcessEngine engine;
    private final ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keys = new AtomicInteger();

    public BareEngine(String jdbcUrl, String user, String password, int connections) {
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(jdbcUrl)
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcUsername(user)
                .setJdbcPassword(password)
                .setJdbcMaxActiveConnections(connections)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName("bare-" + System.nanoTime());
        configuration.setMetricsEnabled(false);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("one-user-task.bpmn", Bpmn.createExecutableProcess("oneUserTask")
                        .startEvent().userTask("work").camundaCandidateGroups("supervisors").endEvent().done())
                .deploy();
    }

    /** Starts {@code count} instances, each waiting at its user task, from {@code threads} threads. */
    public void open(int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> started = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                started.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        String key = "bk-" + keys.incrementAndGet();
                        engine.getRuntimeService().startProcessInstanceByKey("oneUserTask", key);
                        waiting.add(key);
                    }
                }));
            }
            for (Future<?> thread : started) {
                thread.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    public long openTasks() {
        return engine.getTaskService().createTaskQuery().count();
    }

    /** Completes the next waiting instance's task; false when none waits. */
    public boolean completeNext() {
        String key = waiting.poll();
        if (key == null) {
            return false;
        }
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).singleResult();
        engine.getTaskService().complete(task.getId());
        return true;
    }

    @Override
    public void close() {
        engine.close();
    }
}
