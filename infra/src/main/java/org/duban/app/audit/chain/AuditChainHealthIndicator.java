package org.duban.app.audit.chain;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code auditChain} in {@code /actuator/health}: the outcome of the last whole-chain verification, without
 * verifying again (that walks every event). UNKNOWN until the first one has run. A weaker check than it should be
 * (no anchor file, a head that could not be anchored) is a warning in the details, not DOWN.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator {
    private final ChainMonitor monitor;

    AuditChainHealthIndicator(ChainMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        Health.Builder health = monitor.last().map(result -> {
            Health.Builder builder = result.intact() ? Health.up() : Health.down();
            builder.withDetail("verifiedAt", result.verifiedAt()).withDetail("linksChecked", result.linksChecked())
                    .withDetail("position", result.to());
            if (!result.intact()) {
                builder.withDetail("firstBrokenPosition", result.firstProblem().position())
                        .withDetail("problem", result.firstProblem().describe());
            }
            List<String> warnings = new ArrayList<>(result.warnings());
            monitor.anchorFailure().ifPresent(warnings::add);
            if (!warnings.isEmpty()) {
                builder.withDetail("warnings", warnings);
            }
            return builder;
        }).orElseGet(() -> Health.unknown().withDetail("reason", "not verified yet"));
        monitor.lastAnchor().ifPresent(anchor -> health.withDetail("anchor", anchor));
        monitor.anchorFile().ifPresent(file -> health.withDetail("anchorFile", file.toString()));
        return health.build();
    }
}
