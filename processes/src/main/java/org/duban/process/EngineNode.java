package org.duban.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this application node in the engine: the job executor locks the jobs it acquires with the node's id (the
 * lock owner), so each timer is executed by one node and Cockpit and {@code ACT_RU_JOB.LOCK_OWNER_} say which one;
 * the job log and metrics record it as the host name. Without it each start would lock under a random id.
 */
@Component
class EngineNode extends AbstractProcessEnginePlugin {
    private final String nodeId;

    EngineNode(@Value("${duban.node.id:}") String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeId.isBlank()) {
            configuration.setHostname(nodeId);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeId.isBlank() && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
    }
}
