package org.duban.app.audit.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param hashAlgorithm the digest of new chain links: {@code SM3} (GB/T 32905) or {@code SHA-256}
 * @param verification  when the whole chain is verified in the background, and how many links are read at once
 * @param anchor        where verified heads are written down outside the database
 */
@ConfigurationProperties("duban.audit")
public record AuditProperties(@DefaultValue("SM3") HashAlgorithm hashAlgorithm,
                              @DefaultValue Verification verification,
                              @DefaultValue Anchor anchor) {

    /**
     * @param interval     pause between two background verifications; {@code 0} turns them off, the one at
     *                     start-up included
     * @param initialDelay wait after the application is ready before the first one (the start-up verification)
     * @param pageSize     links (with their events) held in memory at once while verifying
     */
    public record Verification(@DefaultValue("PT1H") Duration interval, @DefaultValue("PT0S") Duration initialDelay,
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

    /**
     * @param file the append-only file of verified heads; {@code application.yml} puts it under
     *             {@code duban.data-dir}. Null (not configured) means heads are not anchored, with a warning.
     */
    public record Anchor(Path file) {
    }
}
