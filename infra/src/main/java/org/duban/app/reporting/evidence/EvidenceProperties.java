package org.duban.app.reporting.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest evidence file accepted; keep it below {@code spring.servlet.multipart.max-file-size}
 *                    so that a larger upload reaches the check and is answered with this limit
 */
@ConfigurationProperties("duban.evidence")
public record EvidenceProperties(@DefaultValue("10MB") DataSize maxFileSize) {
    public EvidenceProperties {
        if (maxFileSize.toBytes() <= 0) {
            throw new IllegalArgumentException("duban.evidence.max-file-size must be positive, not " + maxFileSize);
        }
    }
}
