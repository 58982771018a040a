package org.duban.app.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param hashAlgorithm the digest of new chain links: {@code SM3} (GB/T 32905) or {@code SHA-256}
 * @param verification  when the whole chain is verified in the background, and how many links are read at once
 */
@ConfigurationProperties("duban.audit")
public record AuditProperties(@DefaultValue("SM3") HashAlgorithm hashAlgorithm,
                              @DefaultValue Verification verification) {

    /**
     * @param interval     pause between two background verifications; {@code 0} turns them off
     * @param initialDelay wait after start-up before the first one, so that it does not slow the start
     * @param pageSize     links (with their events) held in memory at once while verifying
     */
    public record Verification(@DefaultValue("PT1H") Duration interval, @DefaultValue("PT1M") Duration initialDelay,
                               @DefaultValue("500") int pageSize) {
        public Verification {
            if (interval.isNegative() || initialDelay.isNegative()) {
                throw new IllegalArgumentException("duban.audit.verification.interval and initial-delay must not be negative");
            }
            if (pageSize < 1) {
                throw new IllegalArgumentException("duban.audit.verification.page-size must be positive, not " + pageSize);
            }
        }
    }
}
