package org.duban.app.nodes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** {@code /actuator/info} names the node that answered, so a load balancer's view can be told apart per node. */
@Component
class NodeInfo implements InfoContributor {
    private final String nodeId;
    private final Instant startedAt = Instant.now();

    NodeInfo(@Value("${" + NodeIdentity.PROPERTY + "}") String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("node", Map.of("id", nodeId, "startedAt", startedAt.toString()));
    }
}
