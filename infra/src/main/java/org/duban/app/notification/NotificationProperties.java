package org.duban.app.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * How notifications are sent (docs/SUPERVISION-notifications.md).
 *
 * @param baseUrl        the address readers open, before each page's path in a message
 * @param mailFrom       the sender of notification emails; mail is sent only when {@code spring.mail.host} is set
 * @param quietFrom      the evening hour from which nothing is sent, but listed supervision (挂牌督办)
 * @param quietUntil     the morning hour until which nothing is sent
 * @param zone           the zone of those hours and of the working-day calendar
 * @param batchSize      messages one dispatch run takes at most
 * @param maxAttempts    attempts of one message before it is recorded as failed
 * @param backoff        the wait after the first failed attempt, doubled after each further one
 * @param claimFor       how long a node holds a message it is sending before another node may take it over
 * @param connectTimeout and {@code requestTimeout}: bounds of a robot's answer
 */
@ConfigurationProperties("duban.notifications")
public record NotificationProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("http://localhost:8080") String baseUrl,
                                     @DefaultValue("duban@localhost") String mailFrom,
                                     @DefaultValue("20:00") LocalTime quietFrom,
                                     @DefaultValue("08:30") LocalTime quietUntil,
                                     @DefaultValue("Asia/Shanghai") ZoneId zone,
                                     @DefaultValue("20") int batchSize,
                                     @DefaultValue("5") int maxAttempts,
                                     @DefaultValue("PT1M") Duration backoff,
                                     @DefaultValue("PT5M") Duration claimFor,
                                     @DefaultValue("PT5S") Duration connectTimeout,
                                     @DefaultValue("PT10S") Duration requestTimeout) {
    public NotificationProperties {
        if (!quietUntil.isBefore(quietFrom)) {
            throw new IllegalArgumentException("duban.notifications.quiet-until (" + quietUntil
                    + ") must be earlier in the day than quiet-from (" + quietFrom + ")");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("duban.notifications.batch-size and max-attempts must be at least 1");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
