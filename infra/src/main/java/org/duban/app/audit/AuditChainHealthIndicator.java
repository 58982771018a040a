package org.duban.app.audit;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} in {@code /actuator/health}: the outcome of the last whole-chain verification, without
 * verifying again (that walks every event). UNKNOWN until the first one has run.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator {
    private final ChainMonitor monitor;

    AuditChainHealthIndicator(ChainMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        return monitor.last().map(result -> {
            Health.Builder health = result.intact() ? Health.up() : Health.down();
            health.withDetail("verifiedAt", result.verifiedAt()).withDetail("linksChecked", result.linksChecked())
                    .withDetail("position", result.to());
            if (!result.intact()) {
                health.withDetail("firstBrokenPosition", result.firstProblem().position())
                        .withDetail("problem", result.firstProblem().describe());
            }
            return health.build();
        }).orElseGet(() -> Health.unknown().withDetail("reason", "not verified yet").build());
    }
}
