package org.duban.process.support;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which flow nodes and sequence flows of a BPMN model the tests of a class went through, from the engine's full
 * history: a node is covered when it ran; a flow when, in one process instance, its target started at or after its
 * source ended. Prints the figures; callers assert that nothing is left uncovered.
 */
public final class FlowCoverage implements org.junit.jupiter.api.extension.AfterTestExecutionCallback {
    private final String resource;
    private final String processKey;
    private final Set<String> nodes = new TreeSet<>();
    private final Set<String> flows = new TreeSet<>();
    private final Set<String> coveredNodes = new HashSet<>();
    private final Set<String> coveredFlows = new HashSet<>();
    private final List<SequenceFlow> sequenceFlows;

    /** Register after the engine extension (a higher {@code @Order}), so it reads history before the clean-up. */
    public FlowCoverage(String resource, String processKey) {
        this.resource = resource;
        this.processKey = processKey;
        try (InputStream in = FlowCoverage.class.getClassLoader().getResourceAsStream(resource)) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            model.getModelElementsByType(FlowNode.class).forEach(node -> nodes.add(node.getId()));
            sequenceFlows = List.copyOf(model.getModelElementsByType(SequenceFlow.class));
            sequenceFlows.forEach(flow -> flows.add(flow.getId()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(org.junit.jupiter.api.extension.ExtensionContext context) {
        collect(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService());
    }

    /** Adds what the process instances of the definition ran so far. */
    private void collect(HistoryService history) {
        var byInstance = history.createHistoricActivityInstanceQuery().list().stream()
                .filter(a -> a.getProcessDefinitionId().startsWith(processKey + ":"))
                .collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
        for (List<HistoricActivityInstance> run : byInstance.values()) {
            run.forEach(activity -> coveredNodes.add(activity.getActivityId().replace("#multiInstanceBody", "")));
            for (SequenceFlow flow : sequenceFlows) {
                boolean taken = run.stream().filter(a -> a.getActivityId().startsWith(flow.getSource().getId()) && a.getEndTime() != null)
                        .anyMatch(source -> run.stream().filter(a -> a.getActivityId().startsWith(flow.getTarget().getId()))
                                .anyMatch(target -> !target.getStartTime().before(source.getEndTime())));
                if (taken) {
                    coveredFlows.add(flow.getId());
                }
            }
        }
    }

    public Set<String> uncoveredNodes() {
        return nodes.stream().filter(n -> !coveredNodes.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> uncoveredFlows() {
        return flows.stream().filter(f -> !coveredFlows.contains(f)).collect(Collectors.toCollection(TreeSet::new));
    }

    public String report() {
        return String.format("[coverage] %s: flow nodes %d/%d, sequence flows %d/%d", resource,
                nodes.size() - uncoveredNodes().size(), nodes.size(), flows.size() - uncoveredFlows().size(), flows.size());
    }

}
